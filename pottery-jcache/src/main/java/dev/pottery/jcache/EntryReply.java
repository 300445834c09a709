package dev.pottery.jcache;

/**
 * The reply of one entry call: what happened, the value read or replaced, the value of an expired entry the
 * call found and deleted (both still encoded), and the fencing token of a lease the call took.
 *
 * <pre>{@code
 * EntryReply r = store.entry(EntryCall.of(EntryAction.GET, key), durations);
 * byte[] value = r.outcome() == Outcome.HIT ? r.value() : null;
 * }</pre>
 *
 * @param outcome what happened
 * @param value the current or replaced value's bytes, or null
 * @param expired the bytes of an expired entry that was deleted, or null
 * @param token the token of a lease taken by this call, or 0
 * @param lifeMillis for a read that asked ({@link EntryCall#withLife()}): the entry's remaining life in ms, or -1
 *                   if it never expires (or nobody asked)
 */
record EntryReply(Outcome outcome, byte[] value, byte[] expired, long token, long lifeMillis) {

    /** A reply without life. */
    EntryReply(Outcome outcome, byte[] value, byte[] expired, long token) {
        this(outcome, value, expired, token, -1);
    }

    /** Whether the entry was there (a read, a mismatch or a putIfAbsent that found it). */
    boolean found() {
        return outcome == Outcome.HIT || outcome == Outcome.PRESENT || outcome == Outcome.MISMATCH;
    }
}
