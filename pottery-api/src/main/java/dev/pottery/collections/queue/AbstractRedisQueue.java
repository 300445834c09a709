package dev.pottery.collections.queue;

import dev.pottery.NullElementException;
import dev.pottery.codec.Codec;
import dev.pottery.collections.RedisBacked;
import dev.pottery.internal.ElementCodec.Nulls;
import dev.pottery.internal.ElementCodec;
import dev.pottery.internal.StreamedText;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.UnifiedJedis;

/**
 * The skeleton of {@link RedisQueue} and {@link RedisDeque}, as {@link java.util.AbstractQueue} is of
 * {@code java.util}'s queues: the element codec (null insertions refused, as every
 * {@link BlockingQueue} does; a {@code null} that Python stored is found and read), and the
 * {@link BlockingQueue} methods that only restate others: {@code add}, {@code put} and the timed
 * {@code offer} in terms of {@code offer}, {@code drainTo(c)}, {@code isEmpty}, the copies and the text.
 * Neither type ever refuses an insertion or waits for room.
 */
abstract class AbstractRedisQueue<E> extends RedisBacked implements BlockingQueue<E> {

    private final ElementCodec<E> elements;

    AbstractRedisQueue(UnifiedJedis redis, String key, Codec<E> codec, String owner) {
        super(redis, key);
        this.elements = new ElementCodec<>(codec, key(), owner, "element", Nulls.LOOKED_UP);
    }

    /**
     * The codec of elements.
     *
     * @return the codec
     */
    public Codec<E> codec() {
        return elements.codec();
    }

    /**
     * A local copy of every element, in iteration order.
     *
     * @return the elements
     */
    public abstract List<E> toList();

    /** As {@link #offer(Object)}; always {@code true}. */
    @Override
    public boolean add(E e) {
        return offer(e);
    }

    /** As {@link #offer(Object)}: never blocks. */
    @Override
    public void put(E e) {
        offer(e);
    }

    /** As {@link #offer(Object)}: never waits, always {@code true}. */
    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) {
        Objects.requireNonNull(unit, "unit");
        return offer(e);
    }

    /** Moves every element, head (oldest) first, into {@code c}. */
    @Override
    public int drainTo(Collection<? super E> c) {
        return drainTo(c, Integer.MAX_VALUE);
    }

    /** Whether the key is empty or absent. */
    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    /** Always {@link Integer#MAX_VALUE} unless bounded: no insertion ever waits. */
    @Override
    public int remainingCapacity() {
        return Integer.MAX_VALUE;
    }

    /** The elements, head (oldest) first. */
    @Override
    public Object[] toArray() {
        return toList().toArray();
    }

    /** The elements, head (oldest) first. */
    @Override
    public <T> T[] toArray(T[] a) {
        return toList().toArray(a);
    }

    /** The elements, head (oldest) first, e.g. {@code [a, b]}; streamed page by page. */
    @Override
    public String toString() {
        return StreamedText.of(iterator());
    }

    // ---------------------------------------------------------------- encoding, shared with the iterators

    ElementCodec<E> elements() {
        return elements;
    }

    E decode(byte[] bytes) {
        return elements.decode(bytes);
    }

    /** Encodes an element to store; null is refused, as every {@code BlockingQueue} does. */
    byte[] encode(E e) {
        return elements.encode(e);
    }

    /** {@link #encode} of every element; all are encoded before anything is written. */
    List<byte[]> encodeAll(Collection<? extends E> c) {
        return elements.encodeAll(c);
    }

    /** The encoding of an object being looked up (null finds a Python None), or null when none can match. */
    byte[] query(Object o) {
        return elements.query(o);
    }

    /** {@link #query} of every object, leaving out those that cannot be elements. */
    List<byte[]> queryAll(Collection<?> c) {
        return elements.queryAll(c);
    }

    /**
     * The exception of a null-means-empty method ({@code owner.method}) that met a null element at
     * {@code where} (the element is left there).
     */
    static NullElementException nullElement(String owner, String key, String method, String where) {
        return new NullElementException(owner + "." + method + " found a null element (a Python None) at " + where
                + " and left it there, because its null answer means \"empty\"; take it with a method that "
                + "signals \"empty\" by an exception (remove, take, element, ...), which returns it", key);
    }
}
