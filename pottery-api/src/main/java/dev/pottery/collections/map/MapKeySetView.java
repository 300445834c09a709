package dev.pottery.collections.map;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * {@link RedisMap#keySet()}: a live set of the hash's fields, decoded. Membership is HEXISTS, removal
 * HDEL (one HDEL for {@code removeAll}), and iteration streams with HSCAN.
 */
final class MapKeySetView<K> extends AbstractSet<K> {

    private final RedisMap<K, ?> map;

    MapKeySetView(RedisMap<K, ?> map) {
        this.map = map;
    }

    @Override
    public Iterator<K> iterator() {
        return map.scan(raw -> map.decodeKey(raw.getKey()));
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
        return map.containsKey(o);
    }

    @Override
    public boolean remove(Object o) {
        return map.fastRemove(o);
    }

    @Override
    public boolean removeAll(Collection<?> keys) {
        List<byte[]> fields = new ArrayList<>(keys.size());
        for (Object key : keys) {
            byte[] field = map.queryKey(key);
            if (field != null) {
                fields.add(field);
            }
        }
        return map.commands().deleteAll(fields) > 0;
    }

    @Override
    public void clear() {
        map.clear();
    }
}
