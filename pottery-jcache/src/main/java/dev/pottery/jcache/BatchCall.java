package dev.pottery.jcache;

import java.util.List;

/**
 * One call of {@code batch.lua}: an action over encoded keys (and values, for writes), and the leases it uses.
 *
 * <pre>{@code
 * BatchCall.of(BatchAction.PUT, keys, values).under(LeaseUse.held(token));
 * }</pre>
 *
 * @param action what the script does to each entry
 * @param keys the encoded keys
 * @param values the encoded values, one per key (writes), or null
 * @param lease what the call does with the entries' leases
 */
record BatchCall(BatchAction action, List<byte[]> keys, List<byte[]> values, LeaseUse lease) {

    /** A write of {@code values} to {@code keys}. */
    static BatchCall of(BatchAction action, List<byte[]> keys, List<byte[]> values) {
        return new BatchCall(action, keys, values, LeaseUse.NONE);
    }

    /** A read or removal of {@code keys}. */
    static BatchCall of(BatchAction action, List<byte[]> keys) {
        return of(action, keys, null);
    }

    /** This call with another lease use. */
    BatchCall under(LeaseUse use) {
        return new BatchCall(action, keys, values, use);
    }
}
