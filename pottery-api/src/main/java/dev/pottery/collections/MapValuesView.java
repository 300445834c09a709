package dev.pottery.collections;

import java.util.AbstractCollection;
import java.util.Iterator;
import java.util.Map;

/**
 * {@link RedisMap#values()}: a live collection of the hash's values, streamed with HSCAN; its
 * iterator's {@code remove()} deletes the field the value belongs to.
 */
final class MapValuesView<V> extends AbstractCollection<V> {

    private final RedisMap<?, V> map;

    MapValuesView(RedisMap<?, V> map) {
        this.map = map;
    }

    @Override
    public Iterator<V> iterator() {
        Iterator<Map.Entry<byte[], byte[]>> raw = map.rawEntries();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return raw.hasNext();
            }

            @Override
            public V next() {
                return map.decodeValue(raw.next().getValue());
            }

            @Override
            public void remove() {
                raw.remove();
            }
        };
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
        return map.containsValue(o);
    }

    @Override
    public void clear() {
        map.clear();
    }
}
