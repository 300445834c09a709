package dev.pottery.collections.counter;

import dev.pottery.KeyExistsException;
import dev.pottery.PotteryException;
import dev.pottery.codec.Codec;
import dev.pottery.collections.RedisBacked;
import dev.pottery.collections.counter.CounterCommands.Operation;
import dev.pottery.internal.ElementCodec.Nulls;
import dev.pottery.internal.ElementCodec;
import dev.pottery.internal.TypedKey;
import java.math.BigInteger;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;

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
 * <h2>Counts of any size</h2>
 * Python's counts are ints of any size, or even floats ({@code Counter({'big': 2**70, 'half': 1.5})}
 * stores {@code 1180591620717411303424} and {@code 1.5}). The scripts add and compare counts exactly, as
 * decimal text of any length (never as Lua's doubles), so {@link #update}, the in-place operators and
 * {@link #total()} are exact beyond 2^53 and beyond 64 bits. Reading: the {@code long} methods
 * ({@link #get}, {@link #toMap}, {@link #mostCommon}, {@link #total}, ...) throw a
 * {@link PotteryException} naming the key and the element for a count that is not a 64-bit integer; the
 * {@link Number} methods ({@link #getNumber}, {@link #toNumberMap}, {@link #totalNumber}) read it as a
 * {@link Long}, {@link BigInteger} or {@link Double}. HINCRBY ({@link #increment}) works on 64-bit
 * integers only, and says so naming the element; the scripts refuse to add to or compare a float count
 * (naming it; nothing is written). Bytes in a count that are no number, or in a field that the codec
 * cannot decode, are a {@link dev.pottery.codec.CodecException} naming the key.
 *
 * <p>Elements may be {@code null} (encoded as JSON {@code null}, as Python's {@code None}). Two counters
 * are equal when they use the same client and key; compare contents with {@code toMap().equals(...)}.
 *
 * @param <E> the type of elements
 */
public class RedisCounter<E> extends RedisBacked {

    private final ElementCodec<E> elements;
    private final Counts<E> counts;
    private final CounterCommands commands;
    private final CounterScans<E> scans;

    /** Opens the counter at {@code key} with the JSON codec; an existing hash is used as it is. */
    public RedisCounter(UnifiedJedis redis, String key) {
        this(redis, key, ElementCodec.natural());
    }

    /** Opens a counter at a new random key, deleted by {@link #close()}. */
    public RedisCounter(UnifiedJedis redis) {
        this(redis, null, ElementCodec.natural());
    }

    /**
     * Creates the counter at {@code key} holding the given counts (zero counts are stored, as Python
     * does), atomically.
     *
     * @throws KeyExistsException if {@code counts} is not empty and the key already exists
     */
    public RedisCounter(UnifiedJedis redis, String key, Map<? extends E, Long> counts) {
        this(redis, key, ElementCodec.natural());
        create(counts);
    }

    RedisCounter(UnifiedJedis redis, String key, Codec<E> codec) {
        super(redis, key);
        this.elements = new ElementCodec<>(codec, key(), "RedisCounter", "element", Nulls.STORED);
        this.counts = new Counts<>(elements, key());
        this.commands = new CounterCommands(new TypedKey(redis, key(), "hash", "RedisCounter"), counts);
        this.scans = new CounterScans<>(commands, elements, counts);
    }

    /** A builder, for a codec or initial counts. */
    public static RedisCounterBuilder<Object> builder(UnifiedJedis redis) {
        return new RedisCounterBuilder<>(redis, ElementCodec.natural());
    }

    void create(Map<? extends E, Long> initial) {
        if (!initial.isEmpty() && apply(Operation.ADD, true, false, initial, 1, "creating the counter") < 0) {
            throw new KeyExistsException(key());
        }
    }

    /**
     * The codec of elements.
     *
     * @return the codec
     */
    public Codec<E> codec() {
        return elements.codec();
    }

    // ---------------------------------------------------------------- single elements

    /**
     * The count of {@code element}; 0 when absent (nothing is stored). One HGET.
     *
     * @throws PotteryException if the count is not a 64-bit integer (see {@link #getNumber})
     */
    public long get(E element) {
        byte[] field = elements.encode(element);
        byte[] count = commands.get(field);
        return count == null ? 0 : counts.exact(field, count);
    }

    /**
     * The count of {@code element} as Python stored it: a {@link Long}, a {@link BigInteger} beyond 64
     * bits, or a {@link Double}; {@code 0L} when absent. One HGET.
     */
    public Number getNumber(E element) {
        byte[] field = elements.encode(element);
        byte[] count = commands.get(field);
        return count == null ? (Number) 0L : counts.number(field, count);
    }

    /** Adds one; returns the new count (HINCRBY, atomic). */
    public long increment(E element) {
        return increment(element, 1);
    }

    /**
     * Adds {@code n} (which may be negative); returns the new count (HINCRBY, atomic).
     *
     * @throws PotteryException naming the element if its count is not a 64-bit integer, or would
     *     overflow one ({@link #update(Map)} adds exactly to counts of any size)
     */
    public long increment(E element, long n) {
        return commands.increment(elements.encode(element), n);
    }

    /** Subtracts one; returns the new count, which may be zero or negative as in Python. */
    public long decrement(E element) {
        return increment(element, -1);
    }

    /**
     * Subtracts {@code n}; returns the new count (HINCRBY by {@code -n}, atomic).
     *
     * @throws PotteryException naming the element as {@link #increment(Object, long)} does, and for
     *     {@code n = Long.MIN_VALUE}, whose negation HINCRBY cannot take ({@link #subtract(Map)} can)
     */
    public long decrement(E element, long n) {
        if (n == Long.MIN_VALUE) {
            byte[] field = elements.encode(element);
            throw new PotteryException("cannot subtract " + n + " from the count of " + counts.describe(field)
                    + " with HINCRBY, which takes 64-bit integers; subtract(Map) subtracts exactly", key());
        }
        return increment(element, -n);
    }

    /** Sets the count (HSET); 0 keeps the element listed, as Python's {@code c[x] = 0}. */
    public void set(E element, long count) {
        commands.set(elements.encode(element), count);
    }

    /** Forgets the element (HDEL); {@code false} if it was not counted (Python ignores that silently). */
    public boolean remove(E element) {
        return commands.delete(elements.encode(element));
    }

    /** Whether the element has a stored count, even zero (HEXISTS). */
    public boolean contains(E element) {
        return commands.contains(elements.encode(element));
    }

    /** The number of distinct elements with a stored count (HLEN). */
    public long size() {
        return commands.size();
    }

    /** Whether no element has a stored count. */
    public boolean isEmpty() {
        return size() == 0;
    }

    /**
     * The sum of all counts (Python's {@code total()}), added up exactly by a script in Redis.
     *
     * @throws PotteryException if the sum is not a 64-bit integer (see {@link #totalNumber})
     */
    public long total() {
        Number total = totalNumber();
        if (total instanceof Long n) {
            return n;
        }
        throw new PotteryException("the total of the counts is " + total + ", which is not a 64-bit integer; "
                + "read it with totalNumber()", key());
    }

    /**
     * The sum of all counts as Python's {@code total()} gives it: exact integer arithmetic in Redis (one
     * script) giving a {@link Long} or {@link BigInteger}; when some count is a float, a {@link Double}
     * added on the client in Redis's order as Python's {@code sum} does (one more HGETALL).
     */
    public Number totalNumber() {
        BigInteger exact = commands.total();
        if (exact != null) {
            return Counts.integer(exact);
        }
        return counts.pythonSum(commands.getAll());
    }

    /** Deletes the key: one script, which refuses a key holding another Redis type. */
    public void clear() {
        commands.clear();
    }

    // ---------------------------------------------------------------- in-place batches (Python's update/subtract)

    /** Adds the given counts, exactly and atomically in one script. */
    public void update(Map<? extends E, Long> counts) {
        apply(Operation.ADD, false, false, counts, 1, "update");
    }

    /** Adds another counter's counts (read with HGETALL, then one atomic script here). */
    public void update(RedisCounter<? extends E> other) {
        update(other.toMap());
    }

    /** Counts each element once per occurrence, atomically in one script. */
    public void update(Iterable<? extends E> elements) {
        update(tally(elements));
    }

    /** Subtracts the given counts, exactly and atomically; counts may become zero or negative. */
    public void subtract(Map<? extends E, Long> counts) {
        apply(Operation.ADD, false, false, counts, -1, "subtract");
    }

    /** Subtracts another counter's counts. */
    public void subtract(RedisCounter<? extends E> other) {
        subtract(other.toMap());
    }

    /** Subtracts one per occurrence of each element. */
    public void subtract(Iterable<? extends E> elements) {
        subtract(tally(elements));
    }

    private static <E> Map<E, Long> tally(Iterable<? extends E> elements) {
        Map<E, Long> counts = new LinkedHashMap<>();
        for (E e : elements) {
            counts.merge(e, 1L, Long::sum);
        }
        return counts;
    }

    // ---------------------------------------------------------------- Python's operators
    // The four local operators read this counter with toMap() (one HGETALL): a count that is not a 64-bit
    // integer is a PotteryException naming the key and the element, as is a result past a long.

    /** {@code this + other}: summed counts, keeping the positive ones, as a new local counter. */
    public Map<E, Long> plus(Map<? extends E, Long> other) {
        return CounterArithmetic.plus(toMap(), other, key());
    }

    /** {@code this - other}: differences, keeping the positive ones, as a new local counter. */
    public Map<E, Long> minus(Map<? extends E, Long> other) {
        return CounterArithmetic.minus(toMap(), other, key());
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

    /** {@code this += other}: adds exactly, then drops non-positive counts; one atomic script. */
    public void plusAssign(Map<? extends E, Long> other) {
        apply(Operation.ADD, false, true, other, 1, "plusAssign");
    }

    /** {@code this -= other}: subtracts exactly, then drops non-positive counts; one atomic script. */
    public void minusAssign(Map<? extends E, Long> other) {
        apply(Operation.ADD, false, true, other, -1, "minusAssign");
    }

    /** {@code this |= other}: raises counts to the other's, then drops non-positive; one atomic script. */
    public void unionAssign(Map<? extends E, Long> other) {
        apply(Operation.MAX, false, true, other, 1, "unionAssign");
    }

    /** {@code this &= other}: lowers counts to the other's (0 when absent), drops non-positive; atomic. */
    public void intersectionAssign(Map<? extends E, Long> other) {
        apply(Operation.MIN, false, true, other, 1, "intersectionAssign");
    }

    /**
     * One script; none for an empty update or subtract (the in-place operators still drop the counts
     * that are not positive, as Python's do, and {@code &=} lowers every count).
     */
    private long apply(Operation operation, boolean mustBeNew, boolean drop, Map<? extends E, Long> given, int sign,
            String method) {
        Objects.requireNonNull(given, "counts");
        if (given.isEmpty() && !drop) {
            return 0;
        }
        List<Map.Entry<byte[], BigInteger>> encoded = new ArrayList<>(given.size());
        for (Map.Entry<? extends E, Long> e : given.entrySet()) {
            BigInteger count = BigInteger.valueOf(Objects.requireNonNull(e.getValue(), "count"));
            // exact: subtracting Long.MIN_VALUE adds 2^63, as Python's subtract does
            encoded.add(Map.entry(elements.encode(e.getKey()), sign < 0 ? count.negate() : count));
        }
        return commands.apply(operation, mustBeNew, drop, encoded, method);
    }

    // ---------------------------------------------------------------- reading everything

    /**
     * The {@code n} elements with the highest counts, highest first; ties keep Redis's scan order (as
     * Python keeps insertion order). Streams the hash with HSCAN, keeping only {@code n} entries.
     *
     * @throws PotteryException if a count is not a 64-bit integer
     */
    public List<Map.Entry<E, Long>> mostCommon(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, not " + n);
        }
        return scans.mostCommon(n);
    }

    /**
     * Every element with its count, highest first (Python's {@code most_common()}).
     *
     * @throws PotteryException if a count is not a 64-bit integer
     */
    public List<Map.Entry<E, Long>> mostCommon() {
        List<Map.Entry<E, Long>> all = new ArrayList<>();
        toMap().forEach((e, n) -> all.add(new SimpleImmutableEntry<>(e, n)));
        all.sort(Collections.reverseOrder(Map.Entry.comparingByValue())); // stable: ties keep order
        return all;
    }

    /**
     * Each element repeated as many times as its count (elements with a count below one are left out),
     * as Python's {@code elements()}; streams the hash with HSCAN.
     */
    public Iterator<E> elements() {
        return scans.elements();
    }

    /**
     * A local copy of every count (HGETALL), in Redis's order.
     *
     * @throws PotteryException if a count is not a 64-bit integer (see {@link #toNumberMap})
     */
    public Map<E, Long> toMap() {
        Map<E, Long> out = new LinkedHashMap<>();
        commands.getAll().forEach((field, count) -> out.put(elements.decode(field), counts.exact(field, count)));
        return out;
    }

    /**
     * A local copy of every count as Python stored it ({@link Long}, {@link BigInteger} or
     * {@link Double}), in Redis's order: one HGETALL.
     */
    public Map<E, Number> toNumberMap() {
        Map<E, Number> out = new LinkedHashMap<>();
        commands.getAll().forEach((field, count) -> out.put(elements.decode(field), counts.number(field, count)));
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

    /** {@code RedisCounter{a=5, b=2}}, highest counts first, as pottery's repr; counts of any size. */
    @Override
    public String toString() {
        List<Map.Entry<E, Number>> all = new ArrayList<>(toNumberMap().entrySet());
        // display order only (exact values are printed): highest first, ties in Redis's order
        all.sort(Map.Entry.comparingByValue(Comparator.comparingDouble((Number n) -> n.doubleValue()).reversed()));
        StringBuilder out = new StringBuilder("RedisCounter{");
        for (int i = 0; i < all.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(all.get(i).getKey()).append('=').append(all.get(i).getValue());
        }
        return out.append('}').toString();
    }

}
