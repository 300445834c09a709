package dev.pottery.jcache;

/**
 * What a single-entry write does to an entry after reading it under its lease (write-through caches): the
 * write-back action, the value, the CacheWriter call that must precede it, and — when the write does not
 * change the entry — the outcome to report.
 *
 * <pre>{@code
 * WritePlan plan = current == null
 *         ? WritePlan.quiet(Outcome.MISS)                       // replace of an absent entry: nothing
 *         : WritePlan.set(bytes, () -> writer.write(key, value));
 * }</pre>
 *
 * @param action the write-back under the lease: PUT, REMOVE, TOUCH_IF (access only) or RELEASE (nothing)
 * @param value the encoded value to store (PUT), or null
 * @param writerCall the CacheWriter call, or null for none
 * @param quietOutcome for TOUCH_IF and RELEASE: the outcome the operation reports
 */
record WritePlan(EntryAction action, byte[] value, Runnable writerCall, Outcome quietOutcome) {

    /** Store {@code value} after {@code writerCall}. */
    static WritePlan set(byte[] value, Runnable writerCall) {
        return new WritePlan(EntryAction.PUT, value, writerCall, null);
    }

    /** Remove the entry after {@code writerCall}. */
    static WritePlan remove(Runnable writerCall) {
        return new WritePlan(EntryAction.REMOVE, null, writerCall, null);
    }

    /** Change nothing but the access time; report {@code outcome}. */
    static WritePlan access(Outcome outcome) {
        return new WritePlan(EntryAction.TOUCH_IF, null, null, outcome);
    }

    /** Change nothing; report {@code outcome}. */
    static WritePlan quiet(Outcome outcome) {
        return new WritePlan(EntryAction.RELEASE, null, null, outcome);
    }

    /** Change nothing, but call the writer first (remove of an absent entry deletes it from the writer too). */
    static WritePlan quiet(Outcome outcome, Runnable writerCall) {
        return new WritePlan(EntryAction.RELEASE, null, writerCall, outcome);
    }

    /** Whether the plan changes the entry. */
    boolean changes() {
        return quietOutcome == null;
    }
}
