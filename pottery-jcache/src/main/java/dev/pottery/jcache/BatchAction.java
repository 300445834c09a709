package dev.pottery.jcache;

/**
 * The actions of {@code batch.lua}; each call acts on many entries of one cache, atomically.
 *
 * <pre>{@code
 * store.batch(BatchCall.of(BatchAction.GET, keys), durations);
 * }</pre>
 */
enum BatchAction {
    /** Read each entry, applying the access duration to hits. */
    GET("get"),
    /** Whether each entry is there. */
    CONTAINS("contains"),
    /** Write each entry. */
    PUT("put"),
    /** Write each absent entry. */
    PUT_IF_ABSENT("putIfAbsent"),
    /** Delete each entry. */
    REMOVE("remove");

    private final String wire;

    BatchAction(String wire) {
        this.wire = wire;
    }

    /** The name the script knows the action by. */
    String wire() {
        return wire;
    }
}
