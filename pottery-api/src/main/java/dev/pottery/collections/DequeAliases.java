package dev.pottery.collections;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
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
abstract class DequeAliases<E> extends RedisBacked implements BlockingDeque<E> {

    DequeAliases(UnifiedJedis redis, String key) {
        super(redis, key);
    }

    /** A local copy of the whole deque, head first. */
    public abstract List<E> toList();

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
    public boolean add(E e) {
        addLast(e);
        return true;
    }

    /** Adds at the tail; always {@code true}. */
    @Override
    public boolean offer(E e) {
        return offerLast(e);
    }

    /** Adds at the tail without blocking. */
    @Override
    public void put(E e) {
        putLast(e);
    }

    /** Adds at the tail without waiting; always {@code true}. */
    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) {
        return offerLast(e, timeout, unit);
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

    /** Takes the head, or throws {@link NoSuchElementException} when empty. */
    @Override
    public E remove() {
        return removeFirst();
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

    /** Moves every element, head first, into {@code c}. */
    @Override
    public int drainTo(Collection<? super E> c) {
        return drainTo(c, Integer.MAX_VALUE);
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

    /** The head, or {@link NoSuchElementException} when empty. */
    @Override
    public E element() {
        return getFirst();
    }

    /** The head, or {@code null} when empty. */
    @Override
    public E peek() {
        return peekFirst();
    }

    /** Whether the list is empty or absent. */
    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    /** The elements, head first, read in one LRANGE. */
    @Override
    public Object[] toArray() {
        return toList().toArray();
    }

    /** The elements, head first, read in one LRANGE. */
    @Override
    public <T> T[] toArray(T[] a) {
        return toList().toArray(a);
    }

    /** The elements, head first, e.g. {@code [a, b]}; streamed page by page. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("[");
        Iterator<E> it = iterator();
        while (it.hasNext()) {
            out.append(it.next());
            if (it.hasNext()) {
                out.append(", ");
            }
        }
        return out.append(']').toString();
    }

    private static <T> T orThrow(T e) {
        if (e == null) {
            throw new NoSuchElementException("the deque is empty");
        }
        return e;
    }
}
