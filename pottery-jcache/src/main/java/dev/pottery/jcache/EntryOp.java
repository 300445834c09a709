package dev.pottery.jcache;

/**
 * The single-entry operations of {@code entry.lua}; each is one atomic script call.
 *
 * <pre>{@code
 * store.entry(EntryOp.PUT_IF_ABSENT, key, value, null, durations);
 * }</pre>
 */
public enum EntryOp {
    /** Read, applying the access duration on a hit. */
    GET("get"),
    /** Whether the entry is there; expiry untouched. */
    CONTAINS("contains"),
    /** Read for an entry processor; expiry untouched. */
    PEEK("peek"),
    /** Unconditional write. */
    PUT("put"),
    /** Write only if absent. */
    PUT_IF_ABSENT("putIfAbsent"),
    /** Write only if present. */
    REPLACE("replace"),
    /** Write only if the current value equals the expected one. */
    REPLACE_IF("replaceIf"),
    /** Delete if present. */
    REMOVE("remove"),
    /** Delete only if the current value equals the expected one. */
    REMOVE_IF("removeIf"),
    /** Apply the access duration if the value is still the expected one. */
    TOUCH("touch"),
    /** An entry processor's write-back, checked against the state it read. */
    COMMIT("commit");

    private final String wire;

    EntryOp(String wire) {
        this.wire = wire;
    }

    /** The name the script knows the operation by. */
    public String wire() {
        return wire;
    }
}
