package dev.pottery.collections.map;

import java.util.AbstractCollection;
import java.util.Iterator;

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
        return map.scan(raw -> map.decodeValue(raw.getValue()));
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
