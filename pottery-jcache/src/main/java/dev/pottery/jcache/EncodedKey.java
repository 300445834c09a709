package dev.pottery.jcache;

import java.util.Arrays;

/**
 * An encoded cache key as a map key: equal by content, as Redis compares hash fields.
 *
 * <pre>{@code
 * Map<EncodedKey, Lock> locks = new ConcurrentHashMap<>();
 * locks.computeIfAbsent(new EncodedKey(codec.encodeKey("ada")), k -> new ReentrantLock());
 * }</pre>
 *
 * @param bytes the key's bytes (not copied: callers do not change them)
 */
record EncodedKey(byte[] bytes) {

    @Override
    public boolean equals(Object other) {
        return other instanceof EncodedKey key && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "EncodedKey[" + bytes.length + " bytes]";
    }
}
