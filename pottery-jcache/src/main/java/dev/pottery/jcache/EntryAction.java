package dev.pottery.jcache;

/**
 * The single-entry actions of {@code entry.lua}; each is one atomic script call.
 *
 * <pre>{@code
 * store.entry(EntryCall.of(EntryAction.PUT_IF_ABSENT, key, value), durations);
 * }</pre>
 */
enum EntryAction {
    /** Read, applying the access duration on a hit. */
    GET("get"),
    /** Whether the entry is there; expiry untouched. */
    CONTAINS("contains"),
    /** Read without touching expiry (entry processors, conditional writes with a writer). */
    PEEK("peek"),
    /** Unconditional write. */
    PUT("put"),
    /** Write only if absent. */
    PUT_IF_ABSENT("putIfAbsent"),
    /** Write only if present. */
    REPLACE("replace"),
    /** Write only if the current value is the expected bytes; else apply the access duration. */
    REPLACE_IF("replaceIf"),
    /** Delete if present. */
    REMOVE("remove"),
    /** Delete only if the current value is the expected bytes; else apply the access duration. */
    REMOVE_IF("removeIf"),
    /** Create or update, only if the entry is still in the state it was read in. */
    SET_IF("setIf"),
    /** Delete, only if the entry is still in the state it was read in. */
    REMOVE_IF_STATE("removeIfState"),
    /** Apply the access duration, only if the entry is still in the state it was read in. */
    TOUCH_IF("touchIf"),
    /** Change nothing; release the lease the call holds. */
    RELEASE("release");

    private final String wire;

    EntryAction(String wire) {
        this.wire = wire;
    }

    /** The name the script knows the action by. */
    String wire() {
        return wire;
    }
}
