package dev.pottery.jcache;

/**
 * Told about every entry this JVM's script calls may have changed, once the call has returned, so that what
 * this JVM keeps of the cache (its {@link NearCache}) never outlives a change it made itself.
 *
 * <pre>{@code
 * EntryReply r = ENTRY.run(...);        // the change is in Redis
 * invalidations.invalidate(key);        // and no longer in this JVM's near cache
 * }</pre>
 */
interface Invalidations {

    /** Nothing is kept: nothing to invalidate. */
    Invalidations NONE = new Invalidations() {
        @Override
        public void invalidate(byte[] key) {
        }

        @Override
        public void invalidateAll() {
        }
    };

    /** The entry of {@code key} may have changed. */
    void invalidate(byte[] key);

    /** Every entry may have changed (clear, destroy). */
    void invalidateAll();
}
