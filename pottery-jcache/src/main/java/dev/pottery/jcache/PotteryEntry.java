package dev.pottery.jcache;

import java.util.Map;
import java.util.Objects;
import javax.cache.Cache;

/**
 * A key and value read from a Pottery cache (what iteration and writers see).
 *
 * <pre>{@code
 * for (Cache.Entry<String, Integer> entry : cache) {
 *     System.out.println(entry.getKey() + " = " + entry.getValue());
 * }
 * }</pre>
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class PotteryEntry<K, V> implements Cache.Entry<K, V> {

    private final K key;
    private final V value;

    /** An entry of {@code key} and {@code value}. */
    public PotteryEntry(K key, V value) {
        this.key = key;
        this.value = value;
    }

    @Override
    public K getKey() {
        return key;
    }

    @Override
    public V getValue() {
        return value;
    }

    @Override
    public <T> T unwrap(Class<T> clazz) {
        if (clazz.isInstance(this)) {
            return clazz.cast(this);
        }
        throw new IllegalArgumentException("a cache entry cannot be unwrapped to " + clazz.getName());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cache.Entry<?, ?> e && Objects.equals(key, e.getKey()) && Objects.equals(value, e.getValue());
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(key) ^ Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }

    static <K, V> PotteryEntry<K, V> of(Map.Entry<K, V> entry) {
        return new PotteryEntry<>(entry.getKey(), entry.getValue());
    }
}
