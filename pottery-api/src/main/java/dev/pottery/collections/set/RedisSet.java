package dev.pottery.collections.set;

import dev.pottery.KeyExistsException;
import dev.pottery.codec.Codec;
import dev.pottery.codec.CodecException;
import dev.pottery.collections.RedisBacked;
import dev.pottery.internal.ElementCodec.Nulls;
import dev.pottery.internal.ElementCodec;
import dev.pottery.internal.ScanIterator;
import dev.pottery.internal.StreamedText;
import dev.pottery.internal.TypedKey;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import redis.clients.jedis.UnifiedJedis;

/**
 * A {@link Set} stored in a Redis set, shared by every process that opens the same key, and laid out as
 * Python pottery's {@code RedisSet}: each member is an element encoded by the codec (Python pottery's
 * JSON by default).
 *
 * <pre>{@code
 * RedisSet<Object> fruits = new RedisSet<>(redis, "fruits");
 * fruits.add("apple");                                  // SADD fruits "\"apple\""
 * fruits.addAll(List.of("banana", "cherry"));           // one SADD
 * fruits.containsAll(List.of("apple", "kiwi"));         // one SMISMEMBER: false
 * Set<Object> both = fruits.intersection(otherFruits);  // one SINTER when on the same client
 * RedisSet<Object> all = fruits.unionStore("all-fruits", otherFruits);   // SUNIONSTORE
 * }</pre>
 *
 * <p><b>Costs.</b> {@code add}, {@code remove}, {@code contains}, {@code size} are one command each;
 * {@code addAll}, {@code removeAll}, {@code containsAll} one command per batch; {@code retainAll} one
 * script. Iteration, {@code hashCode} and {@code toString} stream with SSCAN; {@code toArray} and
 * {@link #toSet()} read the whole set with one SMEMBERS.
 *
 * <p><b>Set algebra</b> ({@link #union}, {@link #intersection}, {@link #difference} and their
 * {@code *Store} forms) runs in Redis (SUNION, SINTERSTORE, ...) when every operand is a
 * {@code RedisSet} on the same client with a wire-compatible codec (and, on a cluster client, all keys in
 * one hash slot); otherwise it reads the operands and computes locally, as Python pottery does. It never
 * fails with a cross-slot error.
 *
 * <p><b>Nulls.</b> A null element is stored when the codec can encode it (JSON {@code null}, Python's
 * {@code None}); otherwise adding it is a {@link NullPointerException}. An element the codec cannot
 * encode is an {@link IllegalArgumentException} naming the key; a query with one answers false.
 *
 * <p><b>Bytes that do not decode</b> (written by another program or codec) make the call that reads
 * them throw a {@link CodecException} naming the key and carrying the bytes; nothing is changed ({@link
 * #pop} puts the member back). An iterator that throws on one member stays after it.
 *
 * @param <E> the type of elements
 */
public class RedisSet<E> extends RedisBacked implements Set<E> {

    private final ElementCodec<E> elements;
    private final SetCommands commands;

    /** Opens the set at {@code key} with Python pottery's JSON; existing data is kept. */
    public RedisSet(UnifiedJedis redis, String key) {
        this(redis, key, ElementCodec.natural());
    }

    /** Opens a new set on a random key ({@code pottery:} and 16 characters), deleted by {@link #close()}. */
    public RedisSet(UnifiedJedis redis) {
        this(redis, null);
    }

    /**
     * Creates the set at {@code key} (a random key when null) holding {@code initial}, atomically and in
     * one round trip; with an empty {@code initial} it just opens the key.
     *
     * @throws KeyExistsException if {@code initial} is not empty and the key already exists
     */
    public RedisSet(UnifiedJedis redis, String key, Collection<? extends E> initial) {
        this(redis, key, ElementCodec.natural());
        create(initial);
    }

    RedisSet(UnifiedJedis redis, String key, Codec<E> codec) {
        super(redis, key);
        this.elements = new ElementCodec<>(codec, key(), "RedisSet", "element", Nulls.STORED);
        this.commands = new SetCommands(new TypedKey(redis, key(), "set", "RedisSet"));
    }

    /** A builder for a set with a chosen codec: {@code RedisSet.builder(redis).key("k").codec(..).build()}. */
    public static RedisSetBuilder<Object> builder(UnifiedJedis redis) {
        return new RedisSetBuilder<>(redis, ElementCodec.natural());
    }

    void create(Collection<? extends E> initial) {
        List<byte[]> members = encodeAll(initial);
        if (!members.isEmpty() && !commands.create(members)) {
            throw new KeyExistsException(key());
        }
    }

    // ---- single elements: one command each ----

    /** {@inheritDoc} One SCARD; a set beyond {@code Integer.MAX_VALUE} members reports that maximum. */
    @Override
    public int size() {
        return (int) Math.min(Integer.MAX_VALUE, commands.size());
    }

    /** {@inheritDoc} One SCARD. */
    @Override
    public boolean isEmpty() {
        return commands.size() == 0;
    }

    /** {@inheritDoc} One SISMEMBER. */
    @Override
    public boolean contains(Object o) {
        byte[] member = elements.query(o);
        return member != null && commands.contains(member);
    }

    /** {@inheritDoc} One SADD. */
    @Override
    public boolean add(E e) {
        return commands.add(List.of(encode(e))) > 0;
    }

    /** {@inheritDoc} One SREM. */
    @Override
    public boolean remove(Object o) {
        byte[] member = elements.query(o);
        return member != null && commands.remove(List.of(member)) > 0;
    }

    /**
     * Removes and returns an arbitrary element: one SPOP (Python pottery's {@code pop}).
     *
     * @throws NoSuchElementException if the set is empty
     * @throws CodecException if the member's bytes do not decode; it is then put back (one SADD)
     */
    public E pop() {
        byte[] member = commands.pop();
        if (member == null) {
            throw new NoSuchElementException("pop from an empty set (Redis key '" + key() + "')");
        }
        try {
            return decode(member);
        } catch (CodecException e) {
            commands.add(List.of(member));
            throw e.withNote("the member was put back");
        }
    }

    // ---- batches: one command or script each ----

    /** {@inheritDoc} One SMISMEMBER for the whole collection (none when it is empty). */
    @Override
    public boolean containsAll(Collection<?> c) {
        if (c.isEmpty()) {
            return true;
        }
        List<byte[]> members = elements.queryEach(c);
        return members != null && !commands.containsEach(members).contains(Boolean.FALSE);
    }

    /** {@inheritDoc} One SADD of every element; all are encoded before anything is written. */
    @Override
    public boolean addAll(Collection<? extends E> c) {
        return commands.add(encodeAll(c)) > 0;
    }

    /** {@inheritDoc} One SREM of every element. */
    @Override
    public boolean removeAll(Collection<?> c) {
        return commands.remove(elements.queryAll(c)) > 0;
    }

    /** {@inheritDoc} One script that removes every member not in {@code c}. */
    @Override
    public boolean retainAll(Collection<?> c) {
        return commands.retainOnly(elements.queryAll(c)) > 0;
    }

    /** {@inheritDoc} UNLINKs the key: one script, which refuses a key holding another Redis type. */
    @Override
    public void clear() {
        commands.clear();
    }

    // ---- iteration and copies ----

    /** {@inheritDoc} Streams with SSCAN (weakly consistent); {@code remove()} is one SREM. */
    @Override
    public Iterator<E> iterator() {
        return new ScanIterator<>(commands::scan, this::decode, member -> commands.remove(List.of(member)));
    }

    /** A local copy of the whole set: one SMEMBERS (Python pottery's {@code to_set}). */
    public Set<E> toSet() {
        Set<byte[]> members = commands.members();
        Set<E> copy = new HashSet<>(members.size() * 2);
        for (byte[] member : members) {
            copy.add(decode(member));
        }
        return copy;
    }

    /** {@inheritDoc} One SMEMBERS. */
    @Override
    public Object[] toArray() {
        return toSet().toArray();
    }

    /** {@inheritDoc} One SMEMBERS. */
    @Override
    public <T> T[] toArray(T[] a) {
        return toSet().toArray(a);
    }

    // ---- pottery's set algebra ----

    /** The elements in this set or any of {@code others}, as a local set. */
    @SafeVarargs
    public final Set<E> union(Collection<? extends E>... others) {
        return SetAlgebra.compute(SetAlgebra.Operation.UNION, this, others);
    }

    /** The elements in this set and in every one of {@code others}, as a local set. */
    public final Set<E> intersection(Collection<?>... others) {
        return SetAlgebra.compute(SetAlgebra.Operation.INTERSECTION, this, others);
    }

    /** The elements in this set and in none of {@code others}, as a local set. */
    public final Set<E> difference(Collection<?>... others) {
        return SetAlgebra.compute(SetAlgebra.Operation.DIFFERENCE, this, others);
    }

    /** Stores the union into {@code destination} (replacing it) and opens it with this set's codec. */
    @SafeVarargs
    public final RedisSet<E> unionStore(String destination, Collection<? extends E>... others) {
        return SetAlgebra.store(SetAlgebra.Operation.UNION, this, destination, others);
    }

    /** Stores the intersection into {@code destination} (replacing it) and opens it. */
    public final RedisSet<E> intersectionStore(String destination, Collection<?>... others) {
        return SetAlgebra.store(SetAlgebra.Operation.INTERSECTION, this, destination, others);
    }

    /** Stores the difference into {@code destination} (replacing it) and opens it. */
    public final RedisSet<E> differenceStore(String destination, Collection<?>... others) {
        return SetAlgebra.store(SetAlgebra.Operation.DIFFERENCE, this, destination, others);
    }

    /**
     * Whether every element of this set is in {@code other}. Against another {@code RedisSet} this reads
     * this set once (SMEMBERS) and asks {@code other} with one SMISMEMBER.
     */
    public boolean isSubset(Collection<?> other) {
        if (other instanceof RedisSet<?> && sameKeyAs(other)) {
            return true;
        }
        return other.containsAll(toSet());
    }

    /** Whether every element of {@code other} is in this set: one SMISMEMBER. */
    public boolean isSuperset(Collection<?> other) {
        return containsAll(other);
    }

    // ---- Object ----

    /**
     * {@inheritDoc} Two sets on the same client and key are equal without reading Redis; otherwise by
     * contents as {@link Set#equals} specifies: same size, and this set contains all of the other
     * (one SCARD and one SMISMEMBER).
     */
    @Override
    public boolean equals(Object o) {
        if (o == this || (o instanceof RedisSet<?> && sameKeyAs(o))) {
            return true;
        }
        if (!(o instanceof Set<?> other)) {
            return false;
        }
        Set<?> local = other instanceof RedisSet<?> redisSet ? redisSet.toSet() : other;
        return local.size() == size() && containsAll(local);
    }

    /** {@inheritDoc} The sum of the elements' hash codes, streamed with SSCAN. */
    @Override
    public int hashCode() {
        int hash = 0;
        for (E e : this) {
            hash += Objects.hashCode(e);
        }
        return hash;
    }

    /** {@inheritDoc} {@code [a, b]} as {@link java.util.AbstractCollection} writes it, streamed with SSCAN. */
    @Override
    public String toString() {
        return StreamedText.of(iterator());
    }

    /**
     * The codec of elements.
     *
     * @return the codec
     */
    public Codec<E> codec() {
        return elements.codec();
    }

    // ---- encoding, shared with the algebra ----

    SetCommands commands() {
        return commands;
    }

    byte[] encode(E e) {
        return elements.encode(e);
    }

    List<byte[]> encodeAll(Collection<? extends E> c) {
        return elements.encodeAll(c);
    }

    E decode(byte[] member) {
        return elements.decode(member);
    }



}
