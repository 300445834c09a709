package dev.pottery.jcache;

/**
 * What the reads of a cache ask of its near cache ({@link NearCache}), or of none ({@link #NONE}: every read
 * goes to Redis). See {@link NearCache} for how a kept entry stays no older than the last change.
 *
 * <pre>{@code
 * Object held = near.lookup(k);                 // a kept value (or its bytes), or null
 * Object ticket = near.reserve(k);              // before reading Redis
 * near.fill(k, ticket, near.keepsObjects() ? value : bytes, reply.lifeMillis());
 * }</pre>
 */
interface NearReads {

    /** No near cache: nothing kept, nothing reserved. */
    NearReads NONE = new NearReads() {
        @Override
        public Object lookup(byte[] key) {
            return null;
        }

        @Override
        public Object reserve(byte[] key) {
            return null;
        }

        @Override
        public void fill(byte[] key, Object ticket, Object value, long lifeMillis) {
        }

        @Override
        public void release(byte[] key, Object ticket) {
        }

        @Override
        public boolean keepsObjects() {
            return false;
        }

        @Override
        public boolean present() {
            return false;
        }
    };

    /** The kept value (or bytes) of {@code key}, or null. */
    Object lookup(byte[] key);

    /** Reserves {@code key} before a read asks Redis; the ticket for {@link #fill}, or null. */
    Object reserve(byte[] key);

    /** Keeps what the read found, for at most {@code lifeMillis} (-1: the near cache's maximum), if the ticket stands. */
    void fill(byte[] key, Object ticket, Object value, long lifeMillis);

    /** Gives up a reservation. */
    void release(byte[] key, Object ticket);

    /** Whether decoded values are kept (immutable value types) rather than their bytes. */
    boolean keepsObjects();

    /** Whether there is a near cache (reads then ask Redis for the entry's remaining life). */
    boolean present();
}
