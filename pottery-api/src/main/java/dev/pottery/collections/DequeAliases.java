package dev.pottery.collections;

import dev.pottery.codec.Codec;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.UnifiedJedis;

/**
 * The {@link BlockingDeque} methods that only restate others (as {@link java.util.AbstractQueue} does
 * for queues): {@code offer}, {@code put}, {@code push}, {@code remove}, {@code element} and friends in
 * terms of {@code addFirst}/{@code addLast}, {@code pollFirst}/{@code pollLast},
 * {@code peekFirst}/{@code peekLast} and the blocking takes. {@link RedisDeque} implements those.
 *
 * <p>Insertions never refuse and never wait: a bounded {@link RedisDeque} drops elements from the far
 * end instead, as Python's {@code deque(maxlen=n)} does.
 */
abstract class DequeAliases<E> extends QueueAliases<E> implements BlockingDeque<E> {

    DequeAliases(UnifiedJedis redis, String key, Codec<E> codec) {
        super(redis, key, codec, "deque");
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

    /** Takes the head, or throws {@link NoSuchElementException} when empty. */
    @Override
    public E removeFirst() {
        return orThrow(pollFirst());
    }

    /** Takes the tail, or throws {@link NoSuchElementException} when empty. */
    @Override
    public E removeLast() {
        return orThrow(pollLast());
    }

    /** Takes the head, or {@code null} when empty. */
    @Override
    public E poll() {
        return pollFirst();
    }

    /** Takes the head, or throws {@link NoSuchElementException} when empty. */
    @Override
    public E pop() {
        return removeFirst();
    }

    /** Waits until the head can be taken (see {@link #takeFirst()}). */
    @Override
    public E take() throws InterruptedException {
        return takeFirst();
    }

    /** Takes the head, waiting up to the timeout (see {@link #pollFirst(long, TimeUnit)}). */
    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        return pollFirst(timeout, unit);
    }

    /** Removes the first element equal to {@code o}. */
    @Override
    public boolean remove(Object o) {
        return removeFirstOccurrence(o);
    }

    /** The head, or {@link NoSuchElementException} when empty. */
    @Override
    public E getFirst() {
        return orThrow(peekFirst());
    }

    /** The tail, or {@link NoSuchElementException} when empty. */
    @Override
    public E getLast() {
        return orThrow(peekLast());
    }

    /** The head, or {@code null} when empty. */
    @Override
    public E peek() {
        return peekFirst();
    }

}
