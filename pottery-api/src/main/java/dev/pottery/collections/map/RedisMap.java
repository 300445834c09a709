package dev.pottery.collections.map;

import dev.pottery.KeyExistsException;
import dev.pottery.codec.Codec;
import dev.pottery.collections.RedisBacked;
import dev.pottery.internal.ElementCodec.Nulls;
import dev.pottery.internal.ElementCodec;
import dev.pottery.internal.ReplicaWait;
import dev.pottery.internal.ScanIterator;
import dev.pottery.internal.TypedKey;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import redis.clients.jedis.UnifiedJedis;

/**
 * A {@link ConcurrentMap} stored in a Redis hash, shared by every process that opens the same key, and
 * laid out as Python pottery's {@code RedisDict}: each field is a map key encoded by the key codec and
 * each value is encoded by the value codec (both default to Python pottery's JSON).
 *
 * <pre>{@code
 * try (RedisClient redis = RedisClient.create("cache-host", 6379)) {
 *     RedisMap<String, Long> tel = RedisMap.builder(redis).key("tel")
 *             .keyCodec(JsonCodec.of(String.class)).valueCodec(JsonCodec.of(Long.class)).build();
 *     tel.put("jack", 4098L);                 // HSET tel "\"jack\"" 4098, returning the old value
 *     tel.merge("jack", 1L, Long::sum);       // atomic across processes: 4099
 *     tel.putIfAbsent("sape", 4139L);         // one Lua script
 *     for (Map.Entry<String, Long> e : tel.entrySet()) { ... }   // streamed with HSCAN
 * }
 * }</pre>
 *
 * <p><b>Costs.</b> {@code get}, {@code containsKey}, {@code size}, {@code put}, {@code remove},
 * {@code putIfAbsent}, {@code replace} and {@code remove(key, value)} are one round trip each (one
 * command or one script); {@code putAll} is one HSET of every field. {@code compute*} and {@code merge}
 * read the value (one round trip), apply the function locally, and store the result with a
 * compare-and-set script (one more), retrying when another client changed the field in between: they
 * are atomic across processes, and the function may run more than once. {@code containsValue},
 * iteration, {@code equals}, {@code hashCode} and {@code toString} stream the hash with HSCAN.
 *
 * <p><b>Durability.</b> A map built with {@link RedisMapBuilder#waitForReplicas} sends each write
 * pipelined with {@code WAIT} on the same connection (still one round trip, plus the replicas'
 * acknowledgement) and throws {@link dev.pottery.NotEnoughReplicasException} when too few replicas
 * confirm it in time; reads are unchanged.
 *
 * <p><b>Nulls.</b> As {@link ConcurrentMap} requires, null keys and values are rejected with
 * {@link NullPointerException}, and so are null queries. A key or value the codec cannot encode is an
 * {@link IllegalArgumentException} naming the Redis key; a query with such a key simply finds nothing.
 * A Python {@code None} stored as a value ({@code null} in JSON) reads as {@code null}, which
 * {@link #get} cannot tell from an absent key: use {@link #containsKey} for that.
 *
 * <p><b>Bytes that do not decode</b> (written by another program or codec) make the call that reads
 * them throw a {@link dev.pottery.codec.CodecException} naming the Redis key and carrying the bytes;
 * nothing else is changed. An iterator that throws on one entry stays after it, so a caller may catch
 * the exception and go on. A write that returns the previous value ({@code put}, {@code remove},
 * {@code replace}) has taken place when that value does not decode, and its exception says so.
 *
 * <p><b>Views.</b> {@link #keySet()}, {@link #values()} and {@link #entrySet()} are live: they read
 * Redis on every call, and their iterators stream with HSCAN (weakly consistent, as SCAN is) and support
 * {@code remove()}. An entry's {@code setValue} writes through to Redis.
 *
 * @param <K> the type of keys
 * @param <V> the type of values
 */
public class RedisMap<K, V> extends RedisBacked implements ConcurrentMap<K, V> {

    private final ElementCodec<K> keys;
    private final ElementCodec<V> values;
    private final MapCommands commands;
    private final MapComputations<K, V> computations;

    /**
     * Opens the hash at {@code key} with Python pottery's JSON for keys and values. Existing data is
     * kept. JSON decodes to natural types ({@code Long}, {@code Double}, {@code String}, {@code List},
     * {@code Map}, ...), so declare {@code K} and {@code V} accordingly, or use {@link #builder} with
     * typed codecs.
     */
    public RedisMap(UnifiedJedis redis, String key) {
        this(redis, key, ElementCodec.natural(), ElementCodec.natural());
    }

    /** Opens a new hash on a random key ({@code pottery:} and 16 characters), deleted by {@link #close()}. */
    public RedisMap(UnifiedJedis redis) {
        this(redis, null);
    }

    /**
     * Creates the hash at {@code key} (a random key when null) holding {@code initial}, atomically and in
     * one round trip. Like Python pottery, it refuses to merge into existing data; with an empty
     * {@code initial} it just opens the key.
     *
     * @throws KeyExistsException if {@code initial} is not empty and the key already exists
     */
    public RedisMap(UnifiedJedis redis, String key, Map<? extends K, ? extends V> initial) {
        this(redis, key, ElementCodec.natural(), ElementCodec.natural());
        create(initial);
    }

    RedisMap(UnifiedJedis redis, String key, Codec<K> keyCodec, Codec<V> valueCodec) {
        this(redis, key, keyCodec, valueCodec, ReplicaWait.NONE);
    }

    RedisMap(UnifiedJedis redis, String key, Codec<K> keyCodec, Codec<V> valueCodec, ReplicaWait durability) {
        super(redis, key);
        this.keys = new ElementCodec<>(Objects.requireNonNull(keyCodec, "keyCodec"), key(), "RedisMap", "key", Nulls.REFUSED);
        this.values = new ElementCodec<>(Objects.requireNonNull(valueCodec, "valueCodec"), key(), "RedisMap", "value",
                Nulls.REFUSED);
        this.commands = new MapCommands(new TypedKey(redis, key(), "hash", "RedisMap"), durability);
        this.computations = new MapComputations<>(this);
    }

    /**
     * A builder for a map with chosen codecs:
     * {@code RedisMap.builder(redis).key("k").keyCodec(..).valueCodec(..).build()}.
     */
    public static RedisMapBuilder<Object, Object> builder(UnifiedJedis redis) {
        return new RedisMapBuilder<>(redis, ElementCodec.natural(), ElementCodec.natural());
    }

    /** The codec of map keys (hash fields). */
    public Codec<K> keyCodec() {
        return keys.codec();
    }

    /** The codec of map values. */
    public Codec<V> valueCodec() {
        return values.codec();
    }

    void create(Map<? extends K, ? extends V> initial) {
        Map<byte[], byte[]> fields = encodeAll(initial);
        if (!fields.isEmpty() && !commands.create(fields)) {
            throw new KeyExistsException(key());
        }
    }

    // ---- single-key operations: one round trip each ----

    /** {@inheritDoc} One HLEN; a hash beyond {@code Integer.MAX_VALUE} fields reports that maximum. */
    @Override
    public int size() {
        return (int) Math.min(Integer.MAX_VALUE, commands.size());
    }

    /** {@inheritDoc} One HLEN. */
    @Override
    public boolean isEmpty() {
        return commands.size() == 0;
    }

    /** {@inheritDoc} One HEXISTS. */
    @Override
    public boolean containsKey(Object key) {
        byte[] field = queryKey(key);
        return field != null && commands.contains(field);
    }

    /** {@inheritDoc} Streams the hash with HSCAN, comparing encoded values. */
    @Override
    public boolean containsValue(Object value) {
        byte[] wanted = queryValue(value);
        if (wanted == null) {
            return false;
        }
        Iterator<Map.Entry<byte[], byte[]>> raw = scan(entry -> entry);
        while (raw.hasNext()) {
            if (java.util.Arrays.equals(raw.next().getValue(), wanted)) {
                return true;
            }
        }
        return false;
    }

    /** {@inheritDoc} One HGET. */
    @Override
    public V get(Object key) {
        byte[] field = queryKey(key);
        return field == null ? null : decodeValue(commands.get(field));
    }

    /** {@inheritDoc} One script (HGET then HSET). Use {@link #fastPut} when the old value is not needed. */
    @Override
    public V put(K key, V value) {
        return decodeValueAfter(commands.getAndPut(encodeKey(key), encodeValue(value)), "the new value was stored");
    }

    /**
     * Stores a value without reading the previous one: one HSET, as Python pottery's {@code d[k] = v}.
     *
     * @return whether the key was new
     */
    public boolean fastPut(K key, V value) {
        return commands.set(encodeKey(key), encodeValue(value));
    }

    /** {@inheritDoc} One script (HGET then HDEL). */
    @Override
    public V remove(Object key) {
        byte[] field = queryKey(key);
        return field == null ? null : decodeValueAfter(commands.getAndDelete(field), "the entry was removed");
    }

    /**
     * Deletes a key without reading its value: one HDEL.
     *
     * @return whether the key was present
     */
    public boolean fastRemove(Object key) {
        byte[] field = queryKey(key);
        return field != null && commands.delete(field);
    }

    /** {@inheritDoc} One HSET of all the fields; all keys and values are checked before anything is written. */
    @Override
    public void putAll(Map<? extends K, ? extends V> map) {
        commands.setAll(encodeAll(map));
    }

    /** {@inheritDoc} UNLINKs the key: one script, which refuses a key holding another Redis type. */
    @Override
    public void clear() {
        commands.clear();
    }

    // ---- atomic ConcurrentMap operations ----

    /** {@inheritDoc} One script. */
    @Override
    public V putIfAbsent(K key, V value) {
        return decodeValue(commands.putIfAbsent(encodeKey(key), encodeValue(value)));
    }

    /**
     * {@inheritDoc} One compare-and-set script; the value is compared with {@code equals}: when the stored bytes
     * differ but decode to an equal value (a codec whose bytes are not canonical, such as Java serialization of
     * a HashSet), the script is sent again on the exact bytes it found.
     */
    @Override
    public boolean remove(Object key, Object value) {
        byte[] field = queryKey(key);
        byte[] expected = queryValue(value);
        return field != null && expected != null && swapByValue(field, expected, value, null);
    }

    /**
     * {@inheritDoc} One compare-and-set script; the old value is compared with {@code equals}, as in
     * {@link #remove(Object, Object)}.
     */
    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        byte[] field = encodeKey(key);
        byte[] replacement = encodeValue(newValue);
        byte[] expected = queryValue(oldValue);
        return expected != null && swapByValue(field, expected, oldValue, replacement);
    }

    /** Compare-and-set of {@code field} from a value equal to {@code value} (bytes {@code expected}) to {@code replacement}. */
    private boolean swapByValue(byte[] field, byte[] expected, Object value, byte[] replacement) {
        byte[] bytes = expected;
        while (true) {
            MapCommands.Swap swap = commands.compareAndSwap(field, bytes, replacement);
            if (swap.done()) {
                return true;
            }
            if (swap.current() == null || Arrays.equals(swap.current(), bytes)
                    || !Objects.equals(decodeValue(swap.current()), value)) {
                return false;
            }
            bytes = swap.current();   // an equal value in other bytes: try again on exactly those
        }
    }

    /** {@inheritDoc} One script. */
    @Override
    public V replace(K key, V value) {
        return decodeValueAfter(commands.getAndReplace(encodeKey(key), encodeValue(value)), "the new value was stored");
    }

    /**
     * {@inheritDoc} Atomic across processes: reads the key (one round trip); when absent, computes the
     * value locally and stores it only if the key is still absent (one script). If another client stored
     * a value first, that value is returned, as {@link ConcurrentMap} specifies.
     */
    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        return computations.computeIfAbsent(key, mappingFunction);
    }

    /** {@inheritDoc} Atomic across processes: read, compute locally, compare-and-set, retried on conflict. */
    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        return computations.computeIfPresent(key, remappingFunction);
    }

    /** {@inheritDoc} Atomic across processes: read, compute locally, compare-and-set, retried on conflict. */
    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        return computations.compute(key, remappingFunction);
    }

    /** {@inheritDoc} Atomic across processes: read, combine locally, compare-and-set, retried on conflict. */
    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        return computations.merge(key, value, remappingFunction);
    }

    // ---- views and copies ----

    /** {@inheritDoc} A live view; its iterator streams fields with HSCAN. */
    @Override
    public Set<K> keySet() {
        return new MapKeySetView<>(this);
    }

    /** {@inheritDoc} A live view; its iterator streams with HSCAN. */
    @Override
    public Collection<V> values() {
        return new MapValuesView<>(this);
    }

    /** {@inheritDoc} A live view; its iterator streams with HSCAN and its entries write through. */
    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new MapEntrySetView<>(this);
    }

    /** A local copy of the whole map: one HGETALL (Python pottery's {@code to_dict}). */
    public Map<K, V> toMap() {
        Map<byte[], byte[]> raw = commands.getAll();
        Map<K, V> copy = new LinkedHashMap<>(raw.size() * 2);
        raw.forEach((field, value) -> copy.put(decodeKey(field), decodeValue(value)));
        return copy;
    }

    /**
     * {@inheritDoc} Two maps on the same client and key are equal without reading Redis; otherwise
     * by contents, as {@link Map#equals} specifies (another {@code RedisMap} is read with one HGETALL,
     * this one is streamed).
     */
    @Override
    public boolean equals(Object o) {
        if (o == this || (o instanceof RedisMap<?, ?> && sameKeyAs(o))) {
            return true;
        }
        if (!(o instanceof Map<?, ?> other)) {
            return false;
        }
        Map<?, ?> local = other instanceof RedisMap<?, ?> redisMap ? redisMap.toMap() : other;
        if (local.size() != size()) {
            return false;
        }
        try {
            for (Map.Entry<K, V> entry : entrySet()) {
                Object theirs = local.get(entry.getKey());
                // a Python None value is a null here: equal only to a null the other map holds
                if (!Objects.equals(entry.getValue(), theirs) || theirs == null && !local.containsKey(entry.getKey())) {
                    return false;
                }
            }
        } catch (ClassCastException | NullPointerException incomparable) {
            return false;
        }
        return true;
    }

    /** {@inheritDoc} The sum of the entries' hash codes, streamed with HSCAN. */
    @Override
    public int hashCode() {
        int hash = 0;
        for (Map.Entry<K, V> entry : entrySet()) {
            hash += entry.hashCode();
        }
        return hash;
    }

    /** {@inheritDoc} {@code {key=value, ...}} as {@link java.util.AbstractMap} writes it, streamed with HSCAN. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        Iterator<Map.Entry<K, V>> entries = entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<K, V> entry = entries.next();
            out.append(entry.getKey()).append('=').append(entry.getValue());
            if (entries.hasNext()) {
                out.append(", ");
            }
        }
        return out.append('}').toString();
    }

    // ---- encoding, shared with the views ----

    MapCommands commands() {
        return commands;
    }

    /**
     * The hash's field/value pairs, streamed with HSCAN and each turned into what {@code decode} makes
     * of it (what the views iterate); {@code remove()} deletes the field.
     */
    <T> Iterator<T> scan(Function<Map.Entry<byte[], byte[]>, T> decode) {
        return new ScanIterator<>(commands::scan, decode, raw -> commands.delete(raw.getKey()));
    }

    byte[] encodeKey(K key) {
        return keys.encode(key);
    }

    byte[] encodeValue(V value) {
        return values.encode(value);
    }

    byte[] queryKey(Object key) {
        return keys.query(key);
    }

    byte[] queryValue(Object value) {
        return values.query(value);
    }

    K decodeKey(byte[] field) {
        return keys.decode(field);
    }

    V decodeValue(byte[] value) {
        return value == null ? null : values.decode(value);
    }

    private V decodeValueAfter(byte[] value, String done) {
        return value == null ? null : values.decodeAfter(value, done);
    }

    private Map<byte[], byte[]> encodeAll(Map<? extends K, ? extends V> map) {
        Objects.requireNonNull(map, "map");
        Map<byte[], byte[]> fields = new LinkedHashMap<>(map.size() * 2);
        map.forEach((k, v) -> fields.put(encodeKey(k), encodeValue(v)));
        return fields;
    }
}
