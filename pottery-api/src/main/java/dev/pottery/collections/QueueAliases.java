package dev.pottery.collections;

import dev.pottery.codec.Codec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.UnifiedJedis;

/**
 * What {@link RedisQueue} and {@link RedisDeque} share: the element codec and the
 * {@link BlockingQueue} methods that only restate others (as {@link java.util.AbstractQueue} does):
 * {@code add}, {@code put} and the timed {@code offer} in terms of {@code offer}, {@code remove()} and
 * {@code element()} in terms of {@code poll()} and {@code peek()}, and the copies and text over
 * {@code toList()} and the iterator. Neither type ever refuses an insertion or waits for room.
 */
abstract class QueueAliases<E> extends RedisBacked implements BlockingQueue<E> {

    private final Codec<E> codec;
    /** "queue" or "deque", for messages. */
    private final String noun;

    QueueAliases(UnifiedJedis redis, String key, Codec<E> codec, String noun) {
        super(redis, key);
        this.codec = Objects.requireNonNull(codec, "codec");
        this.noun = noun;
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

    /** Takes the head (the oldest element), or throws {@link NoSuchElementException} when empty. */
    @Override
    public E remove() {
        return orThrow(poll());
    }

    /** The head (the oldest element), or {@link NoSuchElementException} when empty. */
    @Override
    public E element() {
        return orThrow(peek());
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

    E decode(byte[] bytes) {
        return codec.decode(bytes, key());
    }

    E decodeOrNull(byte[] bytes) {
        return bytes == null ? null : decode(bytes);
    }

    /** Encodes an element to store; null is refused, as every {@code BlockingQueue} does. */
    byte[] encode(E e) {
        Objects.requireNonNull(e, () -> "Redis" + Character.toUpperCase(noun.charAt(0)) + noun.substring(1)
                + " does not accept null elements");
        return TypedAccess.encode(this, codec, e);
    }

    /** {@link #encode} of every element; all are encoded before anything is written. */
    List<byte[]> encodeAll(Collection<? extends E> elements) {
        List<byte[]> encoded = new ArrayList<>(elements.size());
        for (E e : elements) {
            encoded.add(encode(e));
        }
        return encoded;
    }

    /** The encoding of an object being looked up, or null when it cannot be one of our elements. */
    @SuppressWarnings("unchecked")
    byte[] encodeForLookup(Object o) {
        if (o == null) {
            return null;
        }
        try {
            return codec.encode((E) o);
        } catch (RuntimeException notOurs) {
            return null; // as pottery: a value the codec cannot encode is simply not present
        }
    }

    /** {@link #encodeForLookup} of every object, leaving out those that cannot be elements. */
    List<byte[]> encodeAllForLookup(Collection<?> c) {
        List<byte[]> values = new ArrayList<>(c.size());
        for (Object o : c) {
            byte[] encoded = encodeForLookup(o);
            if (encoded != null) {
                values.add(encoded);
            }
        }
        return values;
    }

    /** {@code e}, or {@link NoSuchElementException} when it is null (the queue was empty). */
    E orThrow(E e) {
        if (e == null) {
            throw new NoSuchElementException("the " + noun + " is empty");
        }
        return e;
    }
}
