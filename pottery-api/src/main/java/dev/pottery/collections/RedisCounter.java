package dev.pottery.collections;

import dev.pottery.KeyExistsException;
import dev.pottery.PotteryException;
import dev.pottery.codec.Codec;
import dev.pottery.codec.JsonCodec;
import dev.pottery.internal.LuaScript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;

/**
 * A multiset of counts in a Redis hash, laid out as Python pottery's {@code RedisCounter}: the field is
 * the encoded element (JSON text by default) and the value the count as plain decimal digits, so HINCRBY
 * works on it and Python reads it as the JSON integer it wrote.
 *
 * <pre>{@code
 * RedisCounter<Object> words = new RedisCounter<>(redis, "words");
 * words.increment("red");                          // HINCRBY words "\"red\"" 1
 * words.update(List.of("red", "blue", "red"));     // counts the elements: red=3, blue=1
 * words.get("green");                              // 0: a missing element counts zero
 * List<Map.Entry<Object, Long>> top = words.mostCommon(1);   // [red=3]
 * Map<Object, Long> both = words.plus(Map.of("blue", 4L));   // a new local counter: {red=3, blue=5}
 * }</pre>
 *
 * <p>Counting ({@link #increment}, {@link #decrement}) is one HINCRBY and atomic across processes.
 * {@link #update} and {@link #subtract} (Python's in-place methods, which may leave zero or negative
 * counts) apply a whole batch in one atomic script. {@link #plus}, {@link #minus}, {@link #union} and
 * {@link #intersection} return new local counters ({@code Map<E, Long>} of positive counts, as Python's
 * {@code + - | &}); their in-place forms {@link #plusAssign}, {@link #minusAssign}, {@link #unionAssign}
 * and {@link #intersectionAssign} ({@code += -= |= &=}) rewrite the hash in one atomic script and, as
 * Python does, drop every element whose count is not positive. Unlike pottery (whose update counted the
 * stored value twice for iterables), every form adds each count exactly once.
 *
 * <p>Elements may be {@code null} (encoded as JSON {@code null}, as Python's {@code None}). Two counters
 * are equal when they use the same client and key; compare contents with {@code toMap().equals(...)}.
 *
 * @param <E> the type of elements
 */
public class RedisCounter<E> extends RedisBacked {

    private static final LuaScript INCREMENT = LuaScript.fromResource(RedisCounter.class, "counter-increment.lua");
    private static final LuaScript COMBINE = LuaScript.fromResource(RedisCounter.class, "counter-combine.lua");
    private static final LuaScript TOTAL = LuaScript.fromResource(RedisCounter.class, "counter-total.lua");
    private static final int SCAN_COUNT = 256;

    private final Codec<E> codec;

    /** Opens the counter at {@code key} with the JSON codec; an existing hash is used as it is. */
    public RedisCounter(UnifiedJedis redis, String key) {
        this(redis, key, CollectionCodecs.natural());
    }

    /** Opens a counter at a new random key, deleted by {@link #close()}. */
    public RedisCounter(UnifiedJedis redis) {
        this(redis, null, CollectionCodecs.natural());
    }

    /**
     * Creates the counter at {@code key} holding the given counts (zero counts are stored, as Python
     * does), atomically.
     *
     * @throws KeyExistsException if {@code counts} is not empty and the key already exists
     */
    public RedisCounter(UnifiedJedis redis, String key, Map<? extends E, Long> counts) {
        this(redis, key, CollectionCodecs.natural());
        create(counts);
    }

    RedisCounter(UnifiedJedis redis, String key, Codec<E> codec) {
        super(redis, key);
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /** A builder, for a codec or initial counts. */
    public static RedisCounterBuilder<Object> builder(UnifiedJedis redis) {
        return new RedisCounterBuilder<>(redis, JsonCodec.natural());
    }

    void create(Map<? extends E, Long> counts) {
        if (!counts.isEmpty() && incrementAll(true, counts, 1) < 0) {
            throw new KeyExistsException(key());
        }
    }

    // ---------------------------------------------------------------- single elements

    /** The count of {@code element}; 0 when absent (nothing is stored). One HGET. */
    public long get(E element) {
        byte[] field = encode(element);
        return parseCount(call(() -> redis().hget(rawKey(), field)), 0);
    }

    /** Adds one; returns the new count (HINCRBY, atomic). */
    public long increment(E element) {
        return increment(element, 1);
    }

    /** Adds {@code n} (which may be negative); returns the new count (HINCRBY, atomic). */
    public long increment(E element, long n) {
        byte[] field = encode(element);
        return call(() -> redis().hincrBy(rawKey(), field, n));
    }

    /** Subtracts one; returns the new count, which may be zero or negative as in Python. */
    public long decrement(E element) {
        return increment(element, -1);
    }

    /** Subtracts {@code n}; returns the new count (HINCRBY by {@code -n}, atomic). */
    public long decrement(E element, long n) {
        return increment(element, Math.negateExact(n));
    }

    /** Sets the count (HSET); 0 keeps the element listed, as Python's {@code c[x] = 0}. */
    public void set(E element, long count) {
        byte[] field = encode(element);
        call(() -> redis().hset(rawKey(), field, ascii(count)));
    }

    /** Forgets the element (HDEL); {@code false} if it was not counted (Python ignores that silently). */
    public boolean remove(E element) {
        byte[] field = encode(element);
        return call(() -> redis().hdel(rawKey(), field)) > 0;
    }

    /** Whether the element has a stored count, even zero (HEXISTS). */
    public boolean contains(E element) {
        byte[] field = encode(element);
        return call(() -> redis().hexists(rawKey(), field));
    }

    /** The number of distinct elements with a stored count (HLEN). */
    public long size() {
        return call(() -> redis().hlen(rawKey()));
    }

    /** Whether no element has a stored count. */
    public boolean isEmpty() {
        return size() == 0;
    }

    /** The sum of all counts (Python's {@code total()}), added up by a script server-side. */
    public long total() {
        return (Long) call(() -> TOTAL.run(redis(), List.of(rawKey()), List.of()));
    }

    /** Deletes the key (UNLINK). */
    public void clear() {
        redis().unlink(rawKey());
    }

    // ---------------------------------------------------------------- in-place batches (Python's update/subtract)

    /** Adds the given counts, atomically in one script. */
    public void update(Map<? extends E, Long> counts) {
        if (!counts.isEmpty()) {
            incrementAll(false, counts, 1);
        }
    }

    /** Adds another counter's counts (read with HGETALL, then one atomic script here). */
    public void update(RedisCounter<? extends E> other) {
        update(other.toMap());
    }

    /** Counts each element once per occurrence, atomically in one script. */
    public void update(Iterable<? extends E> elements) {
        update(tally(elements));
    }

    /** Subtracts the given counts, atomically; counts may become zero or negative. */
    public void subtract(Map<? extends E, Long> counts) {
        if (!counts.isEmpty()) {
            incrementAll(false, counts, -1);
        }
    }

    /** Subtracts another counter's counts. */
    public void subtract(RedisCounter<? extends E> other) {
        subtract(other.toMap());
    }

    /** Subtracts one per occurrence of each element. */
    public void subtract(Iterable<? extends E> elements) {
        subtract(tally(elements));
    }

    private long incrementAll(boolean mustBeNew, Map<? extends E, Long> counts, int sign) {
        List<byte[]> args = new ArrayList<>(counts.size() * 2 + 1);
        args.add(mustBeNew ? new byte[] {'1'} : new byte[] {'0'});
        for (Map.Entry<? extends E, Long> e : counts.entrySet()) {
            long count = Objects.requireNonNull(e.getValue(), "count");
            args.add(encode(e.getKey()));
            args.add(ascii(sign < 0 ? Math.negateExact(count) : count));
        }
        return (Long) call(() -> INCREMENT.run(redis(), List.of(rawKey()), args));
    }

    private static <E> Map<E, Long> tally(Iterable<? extends E> elements) {
        Map<E, Long> counts = new LinkedHashMap<>();
        for (E e : elements) {
            counts.merge(e, 1L, Long::sum);
        }
        return counts;
    }

    // ---------------------------------------------------------------- Python's operators

    /** {@code this + other}: summed counts, keeping the positive ones, as a new local counter. */
    public Map<E, Long> plus(Map<? extends E, Long> other) {
        return CounterArithmetic.plus(toMap(), other);
    }

    /** {@code this - other}: differences, keeping the positive ones, as a new local counter. */
    public Map<E, Long> minus(Map<? extends E, Long> other) {
        return CounterArithmetic.minus(toMap(), other);
    }

    /** {@code this | other}: the larger count of each element, keeping the positive ones. */
    public Map<E, Long> union(Map<? extends E, Long> other) {
        return CounterArithmetic.union(toMap(), other);
    }

    /** {@code this & other}: the smaller count of each element both hold, keeping the positive ones. */
    public Map<E, Long> intersection(Map<? extends E, Long> other) {
        return CounterArithmetic.intersection(toMap(), other);
    }

    /** {@link #plus(Map)} with another counter's contents. */
    public Map<E, Long> plus(RedisCounter<? extends E> other) {
        return plus(other.toMap());
    }

    /** {@link #minus(Map)} with another counter's contents. */
    public Map<E, Long> minus(RedisCounter<? extends E> other) {
        return minus(other.toMap());
    }

    /** {@link #union(Map)} with another counter's contents. */
    public Map<E, Long> union(RedisCounter<? extends E> other) {
        return union(other.toMap());
    }

    /** {@link #intersection(Map)} with another counter's contents. */
    public Map<E, Long> intersection(RedisCounter<? extends E> other) {
        return intersection(other.toMap());
    }

    /** {@code this += other}: adds, then drops non-positive counts; one atomic script. */
    public void plusAssign(Map<? extends E, Long> other) {
        combine("add", other, 1);
    }

    /** {@code this -= other}: subtracts, then drops non-positive counts; one atomic script. */
    public void minusAssign(Map<? extends E, Long> other) {
        combine("add", other, -1);
    }

    /** {@code this |= other}: raises counts to the other's, then drops non-positive; one atomic script. */
    public void unionAssign(Map<? extends E, Long> other) {
        combine("max", other, 1);
    }

    /** {@code this &= other}: lowers counts to the other's (0 when absent), drops non-positive; atomic. */
    public void intersectionAssign(Map<? extends E, Long> other) {
        combine("min", other, 1);
    }

    private void combine(String mode, Map<? extends E, Long> other, int sign) {
        List<byte[]> args = new ArrayList<>(other.size() * 2 + 1);
        args.add(mode.getBytes(StandardCharsets.US_ASCII));
        for (Map.Entry<? extends E, Long> e : other.entrySet()) {
            long count = Objects.requireNonNull(e.getValue(), "count");
            args.add(encode(e.getKey()));
            args.add(ascii(sign < 0 ? Math.negateExact(count) : count));
        }
        call(() -> COMBINE.run(redis(), List.of(rawKey()), args));
    }

    // ---------------------------------------------------------------- reading everything

    /**
     * The {@code n} elements with the highest counts, highest first; ties keep Redis's scan order (as
     * Python keeps insertion order). Streams the hash with HSCAN, keeping only {@code n} entries.
     */
    public List<Map.Entry<E, Long>> mostCommon(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, not " + n);
        }
        List<Map.Entry<byte[], Long>> top = new ArrayList<>();
        Iterator<Map.Entry<byte[], byte[]>> scan = scan();
        // insertion into a sorted list of at most n: stable for ties, n is small in practice
        while (scan.hasNext() && n > 0) {
            Map.Entry<byte[], byte[]> raw = scan.next();
            long count = parseCount(raw.getValue(), 0);
            int at = top.size();
            while (at > 0 && top.get(at - 1).getValue() < count) {
                at--;
            }
            if (at < n) {
                top.add(at, Map.entry(raw.getKey(), count));
                if (top.size() > n) {
                    top.remove(top.size() - 1);
                }
            }
        }
        List<Map.Entry<E, Long>> out = new ArrayList<>(top.size());
        for (Map.Entry<byte[], Long> e : top) {
            out.add(new java.util.AbstractMap.SimpleImmutableEntry<>(decode(e.getKey()), e.getValue()));
        }
        return out;
    }

    /** Every element with its count, highest first (Python's {@code most_common()}). */
    public List<Map.Entry<E, Long>> mostCommon() {
        List<Map.Entry<E, Long>> all = new ArrayList<>();
        toMap().forEach((e, n) -> all.add(new java.util.AbstractMap.SimpleImmutableEntry<>(e, n)));
        all.sort(Collections.reverseOrder(Map.Entry.comparingByValue())); // stable: ties keep order
        return all;
    }

    /**
     * Each element repeated as many times as its count (elements with a count below one are left out),
     * as Python's {@code elements()}; streams the hash with HSCAN.
     */
    public Iterator<E> elements() {
        Iterator<Map.Entry<byte[], byte[]>> scan = scan();
        return new Iterator<>() {
            private E current;
            private long left;

            @Override
            public boolean hasNext() {
                while (left <= 0 && scan.hasNext()) {
                    Map.Entry<byte[], byte[]> raw = scan.next();
                    left = parseCount(raw.getValue(), 0);
                    current = left > 0 ? decode(raw.getKey()) : null;
                }
                return left > 0;
            }

            @Override
            public E next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                left--;
                return current;
            }
        };
    }

    /** A local copy of every count (HGETALL), in Redis's order. */
    public Map<E, Long> toMap() {
        Map<byte[], byte[]> raw = call(() -> redis().hgetAll(rawKey()));
        Map<E, Long> out = new LinkedHashMap<>();
        raw.forEach((field, value) -> out.put(decode(field), parseCount(value, 0)));
        return out;
    }

    /** Same client and key. */
    @Override
    public boolean equals(Object o) {
        return o == this || sameKeyAs(o) && o instanceof RedisCounter;
    }

    /** The key's hash, consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return key().hashCode();
    }

    /** {@code RedisCounter{a=5, b=2}}, highest counts first, as pottery's repr. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("RedisCounter{");
        List<Map.Entry<E, Long>> all = mostCommon();
        for (int i = 0; i < all.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(all.get(i).getKey()).append('=').append(all.get(i).getValue());
        }
        return out.append('}').toString();
    }

    // ---------------------------------------------------------------- helpers

    /** HSCAN of the whole hash, page by page, as raw field/value pairs. */
    private Iterator<Map.Entry<byte[], byte[]>> scan() {
        return new CounterScan(cursor -> call(() -> redis().hscan(rawKey(), cursor, new ScanParams().count(SCAN_COUNT))));
    }

    private long parseCount(byte[] value, long absent) {
        if (value == null) {
            return absent;
        }
        String text = new String(value, StandardCharsets.US_ASCII);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new PotteryException("RedisCounter holds a count that is not an integer: '" + text + "'", key(), e);
        }
    }

    private E decode(byte[] field) {
        return codec.decode(field, key());
    }

    private byte[] encode(E element) {
        return TypedAccess.encode(this, codec, element);
    }

    private <T> T call(Supplier<T> command) {
        return TypedAccess.call(this, "hash", command);
    }

    private static byte[] ascii(long n) {
        return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
    }
}
