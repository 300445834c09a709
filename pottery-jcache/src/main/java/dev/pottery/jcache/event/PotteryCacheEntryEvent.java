package dev.pottery.jcache.event;

import javax.cache.Cache;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.EventType;

/**
 * One change to one entry, as listeners see it. For REMOVED and EXPIRED events {@link #getValue()} is the
 * value the entry had (JSR-107 1.1), the same as {@link #getOldValue()}.
 *
 * <pre>{@code
 * new PotteryCacheEntryEvent<>(cache, EventType.UPDATED, "k", "new", "old", true);
 * }</pre>
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class PotteryCacheEntryEvent<K, V> extends CacheEntryEvent<K, V> {

    private static final long serialVersionUID = 1L;

    private final K key;
    private final V value;
    private final V oldValue;
    private final boolean oldValueAvailable;

    /** An event from {@code source}. */
    public PotteryCacheEntryEvent(Cache<K, V> source, EventType type, K key, V value, V oldValue,
                                  boolean oldValueAvailable) {
        super(source, type);
        this.key = key;
        this.value = value;
        this.oldValue = oldValue;
        this.oldValueAvailable = oldValueAvailable;
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
    public V getOldValue() {
        return oldValueAvailable ? oldValue : null;
    }

    @Override
    public boolean isOldValueAvailable() {
        return oldValueAvailable;
    }

    @Override
    public <T> T unwrap(Class<T> clazz) {
        if (clazz.isInstance(this)) {
            return clazz.cast(this);
        }
        throw new IllegalArgumentException("a cache entry event cannot be unwrapped to " + clazz.getName());
    }

    @Override
    public String toString() {
        return "CacheEntryEvent[" + getEventType() + " " + key + "]";
    }
}
