package dev.pottery.collections.map;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The read, compute, compare-and-set loops behind {@link RedisMap}'s {@code computeIfAbsent},
 * {@code computeIfPresent}, {@code compute} and {@code merge}: the function runs locally between a read
 * (one round trip) and a compare-and-set script (one more), and a write by another client in between
 * sends the loop round again. So each is atomic across processes, and the function may run more than
 * once, as {@link java.util.concurrent.ConcurrentMap} allows.
 */
final class MapComputations<K, V> {

    private final RedisMap<K, V> map;
    private final MapCommands commands;

    MapComputations(RedisMap<K, V> map) {
        this.map = map;
        this.commands = map.commands();
    }

    V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        Objects.requireNonNull(mappingFunction, "mappingFunction");
        byte[] field = map.encodeKey(key);
        byte[] current = commands.get(field);
        if (current != null) {
            return map.decodeValue(current);
        }
        V computed = mappingFunction.apply(key);
        if (computed == null) {
            return null;
        }
        byte[] existing = commands.putIfAbsent(field, map.encodeValue(computed));
        return existing == null ? computed : map.decodeValue(existing);
    }

    V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        Objects.requireNonNull(remappingFunction, "remappingFunction");
        byte[] field = map.encodeKey(key);
        while (true) {
            byte[] current = commands.get(field);
            if (current == null) {
                return null;
            }
            V computed = remappingFunction.apply(key, map.decodeValue(current));
            if (commands.compareAndSet(field, current, encodeOrNull(computed))) {
                return computed;
            }
        }
    }

    V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        Objects.requireNonNull(remappingFunction, "remappingFunction");
        byte[] field = map.encodeKey(key);
        while (true) {
            byte[] current = commands.get(field);
            V computed = remappingFunction.apply(key, map.decodeValue(current));
            if (computed == null && current == null) {
                return null;
            }
            if (commands.compareAndSet(field, current, encodeOrNull(computed))) {
                return computed;
            }
        }
    }

    V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        Objects.requireNonNull(remappingFunction, "remappingFunction");
        byte[] field = map.encodeKey(key);
        byte[] given = map.encodeValue(value);
        while (true) {
            byte[] current = commands.get(field);
            if (current == null) {
                byte[] existing = commands.putIfAbsent(field, given);
                if (existing == null) {
                    return value;
                }
                current = existing;
            }
            V merged = remappingFunction.apply(map.decodeValue(current), value);
            if (commands.compareAndSet(field, current, encodeOrNull(merged))) {
                return merged;
            }
        }
    }

    /** A null result deletes the field (the compare-and-set script's null replacement). */
    private byte[] encodeOrNull(V value) {
        return value == null ? null : map.encodeValue(value);
    }
}
