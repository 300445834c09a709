package dev.pottery.jcache;

/**
 * One call of {@code entry.lua}: the action, the encoded key and value, what the entry is expected to hold,
 * and the lease it uses. Durations are added by {@link CacheStore#entry}, which asks the expiry policy for
 * exactly the ones the script needs.
 *
 * <pre>{@code
 * EntryCall.of(EntryAction.REPLACE_IF, key, newValue).expecting(oldValue);
 * EntryCall.of(EntryAction.SET_IF, key, value).expectingState(readValue).under(LeaseUse.held(token));
 * }</pre>
 *
 * @param action what the script does
 * @param key the encoded key
 * @param value the encoded new value, or null
 * @param expected the value the entry must hold (replaceIf, removeIf, and the state checks), or null
 * @param expectPresent for the state checks: the entry must hold {@code expected} (true) or be absent (false)
 * @param lease what the call does with the entry's lease
 * @param life whether a read also asks for the entry's remaining life (for the near cache)
 */
record EntryCall(EntryAction action, byte[] key, byte[] value, byte[] expected, boolean expectPresent,
                 LeaseUse lease, boolean life) {

    /** A call without expectation or lease. */
    static EntryCall of(EntryAction action, byte[] key, byte[] value) {
        return new EntryCall(action, key, value, null, false, LeaseUse.NONE, false);
    }

    /** A read. */
    static EntryCall of(EntryAction action, byte[] key) {
        return of(action, key, null);
    }

    /** This call, comparing the current value to {@code bytes} (replaceIf, removeIf). */
    EntryCall expecting(byte[] bytes) {
        return new EntryCall(action, key, value, bytes, true, lease, life);
    }

    /** This call, acting only if the entry still holds {@code read} (null: is still absent). */
    EntryCall expectingState(byte[] read) {
        return new EntryCall(action, key, value, read, read != null, lease, life);
    }

    /** This call with another lease use. */
    EntryCall under(LeaseUse use) {
        return new EntryCall(action, key, value, expected, expectPresent, use, life);
    }

    /** This read, also asking for the entry's remaining life. */
    EntryCall withLife() {
        return new EntryCall(action, key, value, expected, expectPresent, lease, true);
    }

    /** Whether the call may change the entry (so that what this JVM keeps of it must be dropped). */
    boolean writes() {
        return action != EntryAction.GET && action != EntryAction.CONTAINS && action != EntryAction.PEEK;
    }
}
