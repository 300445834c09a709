package dev.pottery.jcache;

/**
 * The reply of one entry operation: what happened, the value read or replaced, and the value of an
 * expired entry the operation found and deleted (both still encoded).
 *
 * <pre>{@code
 * EntryResult r = store.entry(EntryOp.GET, key, null, null, durations);
 * byte[] value = r.outcome() == Outcome.HIT ? r.value() : null;
 * }</pre>
 *
 * @param outcome what happened
 * @param value the current or replaced value's bytes, or null
 * @param expired the bytes of an expired entry that was deleted, or null
 * @param ask for {@link Outcome#ASK}: which duration is missing ("create", "update" or "access")
 */
public record EntryResult(Outcome outcome, byte[] value, byte[] expired, String ask) {

    /** Whether the script wants an expiry duration before it can act. */
    public boolean needsDuration() {
        return outcome == Outcome.ASK;
    }
}
