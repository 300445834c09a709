package dev.pottery.collections.list;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.NoSuchElementException;

/**
 * The {@link ListIterator} of a {@link RedisList}: it reads the list in LRANGE pages of
 * {@value #PAGE} elements (forwards or backwards), so a walk costs one round trip per page rather than
 * per element, and never holds more than a page. {@code set}, {@code remove} and {@code add} are one
 * script each, and apply the same change to the cached page so the walk goes on without re-reading it.
 *
 * <p>Like the list's other views it is weakly consistent: it works by position, so elements inserted
 * or removed by other clients during the walk shift what it sees rather than raising
 * {@link java.util.ConcurrentModificationException}. Elements are decoded one at a time as they are
 * returned, so bytes that do not decode make that {@code next()} (or {@code previous()}) throw and the
 * walk can go on past them.
 */
final class ListPageIterator<E> implements ListIterator<E> {

    /** Elements read per LRANGE. */
    static final int PAGE = 256;

    private final RedisList<E> list;
    private int cursor;
    private int lastReturned = -1;
    private List<Slot<E>> page = List.of();
    private int pageStart;

    /** One element of the cached page: its stored bytes, decoded when first returned. */
    private static final class Slot<E> {
        private byte[] raw;
        private E value;

        static <E> Slot<E> of(E value) {
            Slot<E> slot = new Slot<>();
            slot.value = value;
            return slot;
        }

        E get(RedisList<E> list) {
            if (raw != null) {
                value = list.decode(raw);
                raw = null;
            }
            return value;
        }
    }

    ListPageIterator(RedisList<E> list, int start) {
        this.list = list;
        this.cursor = start;
    }

    private boolean cached(int index) {
        return index >= pageStart && index < pageStart + page.size();
    }

    private void fetch(int start, int stop) {
        List<byte[]> raw = list.commands().range(start, stop);
        page = new ArrayList<>(raw.size());
        for (byte[] bytes : raw) {
            Slot<E> slot = new Slot<>();
            slot.raw = bytes;
            page.add(slot);
        }
        pageStart = start;
    }

    @Override
    public boolean hasNext() {
        if (!cached(cursor)) {
            fetch(cursor, cursor + PAGE - 1);
        }
        return cached(cursor);
    }

    @Override
    public E next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        lastReturned = cursor++;
        return page.get(lastReturned - pageStart).get(list);
    }

    @Override
    public boolean hasPrevious() {
        return cursor > 0;
    }

    @Override
    public E previous() {
        int index = cursor - 1;
        if (index < 0) {
            throw new NoSuchElementException();
        }
        if (!cached(index)) {
            fetch(Math.max(0, index - PAGE + 1), index);
            if (!cached(index)) {
                // Another client shortened the list under us.
                throw new NoSuchElementException("index " + index + " no longer exists in Redis key '" + list.key() + "'");
            }
        }
        cursor = index;
        lastReturned = index;
        return page.get(index - pageStart).get(list);
    }

    @Override
    public int nextIndex() {
        return cursor;
    }

    @Override
    public int previousIndex() {
        return cursor - 1;
    }

    @Override
    public void remove() {
        if (lastReturned < 0) {
            throw new IllegalStateException("remove() needs a preceding next() or previous()");
        }
        list.remove(lastReturned);
        if (cached(lastReturned)) {
            page.remove(lastReturned - pageStart);
        } else {
            page = List.of();
        }
        if (lastReturned < cursor) {
            cursor--;
        }
        lastReturned = -1;
    }

    @Override
    public void set(E e) {
        if (lastReturned < 0) {
            throw new IllegalStateException("set() needs a preceding next() or previous()");
        }
        list.set(lastReturned, e);
        if (cached(lastReturned)) {
            page.set(lastReturned - pageStart, Slot.of(e));
        }
    }

    @Override
    public void add(E e) {
        list.add(cursor, e);
        if (cursor >= pageStart && cursor <= pageStart + page.size() && !page.isEmpty()) {
            page.add(cursor - pageStart, Slot.of(e));
        } else {
            page = List.of();
        }
        cursor++;
        lastReturned = -1;
    }
}
