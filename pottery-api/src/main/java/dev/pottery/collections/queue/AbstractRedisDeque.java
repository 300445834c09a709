package dev.pottery.collections.queue;

import dev.pottery.codec.Codec;
import java.util.Objects;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.UnifiedJedis;

/**
 * The skeleton of {@link RedisDeque}: the {@link BlockingDeque} methods that only restate others (as
 * {@link java.util.AbstractQueue} does for queues), each in terms of the {@code First}/{@code Last}
 * method it names: {@code offer}, {@code put}, {@code push} and the timed offers via
 * {@code addFirst}/{@code addLast}; {@code poll}, {@code peek}, {@code remove()}, {@code pop},
 * {@code element}, {@code take} and the timed {@code poll} via the same operation at the head.
 *
 * <p>Insertions never refuse and never wait: a bounded {@link RedisDeque} drops elements from the far
 * end instead, as Python's {@code deque(maxlen=n)} does.
 */
abstract class AbstractRedisDeque<E> extends AbstractRedisQueue<E> implements BlockingDeque<E> {

    AbstractRedisDeque(UnifiedJedis redis, String key, Codec<E> codec) {
        super(redis, key, codec, "RedisDeque");
    }

    /** Adds at the head; always {@code true}: a full bounded deque drops its tail instead of refusing. */
    @Override
    public boolean offerFirst(E e) {
        addFirst(e);
        return true;
    }

    /** Adds at the tail; always {@code true}: a full bounded deque drops its head instead of refusing. */
    @Override
    public boolean offerLast(E e) {
        addLast(e);
        return true;
    }

    /** Adds at the head without blocking (a bounded deque drops its tail). */
    @Override
    public void putFirst(E e) {
        addFirst(e);
    }

    /** Adds at the tail without blocking (a bounded deque drops its head). */
    @Override
    public void putLast(E e) {
        addLast(e);
    }

    /** As {@link #offerFirst(Object)}: never waits, always {@code true}. */
    @Override
    public boolean offerFirst(E e, long timeout, TimeUnit unit) {
        Objects.requireNonNull(unit, "unit");
        return offerFirst(e);
    }

    /** As {@link #offerLast(Object)}: never waits, always {@code true}. */
    @Override
    public boolean offerLast(E e, long timeout, TimeUnit unit) {
        Objects.requireNonNull(unit, "unit");
        return offerLast(e);
    }

    /** Adds at the tail; always {@code true}. */
    @Override
    public boolean offer(E e) {
        return offerLast(e);
    }

    /** Adds at the head. */
    @Override
    public void push(E e) {
        addFirst(e);
    }

    /** As {@link #pollFirst()}. */
    @Override
    public E poll() {
        return pollFirst();
    }

    /** As {@link #removeFirst()}. */
    @Override
    public E remove() {
        return removeFirst();
    }

    /** As {@link #removeFirst()}. */
    @Override
    public E pop() {
        return removeFirst();
    }

    /** As {@link #takeFirst()}. */
    @Override
    public E take() throws InterruptedException {
        return takeFirst();
    }

    /** As {@link #pollFirst(long, TimeUnit)}. */
    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        return pollFirst(timeout, unit);
    }

    /** As {@link #removeFirstOccurrence(Object)}. */
    @Override
    public boolean remove(Object o) {
        return removeFirstOccurrence(o);
    }

    /** As {@link #getFirst()}. */
    @Override
    public E element() {
        return getFirst();
    }

    /** As {@link #peekFirst()}. */
    @Override
    public E peek() {
        return peekFirst();
    }
}
