package dev.pottery.collections.map;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * {@link RedisMap#entrySet()}: a live set of the hash's entries, streamed with HSCAN. {@code contains}
 * is one HGET compared with the encoded value; {@code remove} is the map's atomic
 * {@code remove(key, value)}; an entry's {@code setValue} writes through with one HSET, as the entries
 * of {@link java.util.concurrent.ConcurrentHashMap} do.
 */
final class MapEntrySetView<K, V> extends AbstractSet<Map.Entry<K, V>> {

    private final RedisMap<K, V> map;

    MapEntrySetView(RedisMap<K, V> map) {
        this.map = map;
    }

    @Override
    public Iterator<Map.Entry<K, V>> iterator() {
        return map.scan(raw -> new WriteThroughEntry<>(map, map.decodeKey(raw.getKey()),
                map.decodeValue(raw.getValue())));
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public boolean contains(Object o) {
        if (!(o instanceof Map.Entry<?, ?> entry) || entry.getKey() == null || entry.getValue() == null) {
            return false;
        }
        byte[] field = map.queryKey(entry.getKey());
        byte[] value = map.queryValue(entry.getValue());
        return field != null && value != null && Arrays.equals(map.commands().get(field), value);
    }

    @Override
    public boolean remove(Object o) {
        if (!(o instanceof Map.Entry<?, ?> entry) || entry.getKey() == null || entry.getValue() == null) {
            return false;
        }
        return map.remove(entry.getKey(), entry.getValue());
    }

    @Override
    public void clear() {
        map.clear();
    }

    /** An entry whose {@code setValue} stores the new value in Redis. */
    private static final class WriteThroughEntry<K, V> extends AbstractMap.SimpleEntry<K, V> {

        private static final long serialVersionUID = 1L;

        private final transient RedisMap<K, V> map;

        WriteThroughEntry(RedisMap<K, V> map, K key, V value) {
            super(key, value);
            this.map = map;
        }

        @Override
        public V setValue(V value) {
            map.fastPut(getKey(), value);
            return super.setValue(value);
        }
    }
}
