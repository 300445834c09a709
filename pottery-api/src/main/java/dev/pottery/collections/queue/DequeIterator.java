package dev.pottery.collections.queue;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A weakly consistent iterator over a {@link RedisDeque}, reading LRANGE pages from the head (or, when
 * descending, from the tail). It counts positions from its starting end and shifts them back when
 * {@link #remove()} deletes the element it returned, so removal while iterating skips nothing.
 */
final class DequeIterator<E> implements Iterator<E> {

    private final RedisDeque<E> deque;
    private final boolean descending;
    private List<byte[]> page = List.of();
    private int inPage;
    /** Position, counted from the starting end, of the next element to fetch into a page. */
    private long nextFetch;
    private boolean exhausted;
    /** Position of the element last returned, or -1. */
    private long lastPosition = -1;
    private byte[] lastBytes;

    DequeIterator(RedisDeque<E> deque, boolean descending) {
        this.deque = deque;
        this.descending = descending;
    }

    @Override
    public boolean hasNext() {
        if (inPage < page.size()) {
            return true;
        }
        if (exhausted) {
            return false;
        }
        List<byte[]> fetched;
        if (descending) {
            fetched = deque.commands().range(-(nextFetch + RedisDeque.PAGE), -(nextFetch + 1));
            Collections.reverse(fetched);
        } else {
            fetched = deque.commands().range(nextFetch, nextFetch + RedisDeque.PAGE - 1);
        }
        page = fetched;
        inPage = 0;
        nextFetch += fetched.size();
        exhausted = fetched.size() < RedisDeque.PAGE;
        return !fetched.isEmpty();
    }

    @Override
    public E next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        lastBytes = page.get(inPage);
        lastPosition = nextFetch - page.size() + inPage;
        inPage++;
        return deque.decode(lastBytes);
    }

    /** Deletes the element last returned (or, if the list moved under us, the nearest equal element). */
    @Override
    public void remove() {
        if (lastPosition < 0) {
            throw new IllegalStateException("next() has not been called, or remove() was already called");
        }
        long index = descending ? -(lastPosition + 1) : lastPosition;
        deque.commands().removeAt(index, lastBytes, descending);
        // everything after the removed element moved one place towards our starting end
        nextFetch--;
        lastPosition = -1;
        lastBytes = null;
    }
}
