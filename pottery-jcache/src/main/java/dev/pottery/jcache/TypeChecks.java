package dev.pottery.jcache;

import java.util.Objects;

/**
 * The checks every key and value passes before an operation starts, as the spec requires: no nulls
 * ({@link NullPointerException}) and, for a cache with declared types, instances of them
 * ({@link ClassCastException}).
 *
 * <pre>{@code
 * TypeChecks<String, Integer> checks = new TypeChecks<>(String.class, Integer.class, "cache scores (Redis host:6379)");
 * checks.key("ada");
 * checks.value(3);
 * }</pre>
 *
 * @param <K> key type
 * @param <V> value type
 */
final class TypeChecks<K, V> {

    private final Class<K> keyType;
    private final Class<V> valueType;
    private final String where;

    TypeChecks(Class<K> keyType, Class<V> valueType, String where) {
        this.keyType = keyType;
        this.valueType = valueType;
        this.where = where;
    }

    /** Checks a key. */
    K key(K key) {
        Objects.requireNonNull(key, "a cache key may not be null");
        if (keyType != Object.class && !keyType.isInstance(key)) {
            throw new ClassCastException(FailureText.key(key) + " is a " + key.getClass().getName() + ", not a "
                    + keyType.getName() + " as " + where + " requires");
        }
        return key;
    }

    /** Checks each key of a collection (which may not be null). */
    void keys(Iterable<? extends K> keys) {
        Objects.requireNonNull(keys, "keys");
        for (K key : keys) {
            key(key);
        }
    }

    /** Checks a value. */
    V value(V value) {
        Objects.requireNonNull(value, "a cache value may not be null");
        if (valueType != Object.class && !valueType.isInstance(value)) {
            throw new ClassCastException("value is a " + value.getClass().getName() + ", not a "
                    + valueType.getName() + " as " + where + " requires");
        }
        return value;
    }
}
