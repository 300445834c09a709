package dev.pottery.collections.list;

import java.util.AbstractList;
import java.util.Collection;
import java.util.ListIterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * {@link RedisList#subList}: a live window {@code [offset, offset + size)} onto the Redis list, as
 * {@link java.util.AbstractList}'s sub-lists are. Reads and writes go straight to Redis at shifted
 * indexes; structural changes made through the view move its end. Iteration uses the list's paged
 * iterator; {@code clear()} is one script.
 *
 * <p>As for any {@code List.subList}, changing the list's length other than through this view (here:
 * also from another client) leaves the window where it was, on whatever elements now occupy it.
 */
final class ListSubView<E> extends AbstractList<E> implements RandomAccess {

    private final RedisList<E> root;
    private final int offset;
    private int size;

    ListSubView(RedisList<E> root, int from, int to) {
        this.root = root;
        this.offset = from;
        this.size = to - from;
    }

    @Override
    public E get(int index) {
        Objects.checkIndex(index, size);
        return root.get(offset + index);
    }

    @Override
    public E set(int index, E element) {
        Objects.checkIndex(index, size);
        return root.set(offset + index, element);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void add(int index, E element) {
        Objects.checkIndex(index, size + 1);
        root.add(offset + index, element);
        size++;
        modCount++;
    }

    @Override
    public E remove(int index) {
        Objects.checkIndex(index, size);
        E removed = root.remove(offset + index);
        size--;
        modCount++;
        return removed;
    }

    @Override
    protected void removeRange(int from, int to) {
        root.removeRange(offset + from, offset + to);
        size -= to - from;
        modCount++;
    }

    @Override
    public boolean addAll(Collection<? extends E> c) {
        return addAll(size, c);
    }

    @Override
    public boolean addAll(int index, Collection<? extends E> c) {
        Objects.checkIndex(index, size + 1);
        int added = c.size();
        if (added == 0) {
            return false;
        }
        root.addAll(offset + index, c);
        size += added;
        modCount++;
        return true;
    }

    @Override
    public ListIterator<E> listIterator(int index) {
        Objects.checkIndex(index, size + 1);
        ListIterator<E> inner = new ListPageIterator<>(root, offset + index);
        return new ListIterator<>() {
            @Override
            public boolean hasNext() {
                return nextIndex() < size;
            }

            @Override
            public E next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return inner.next();
            }

            @Override
            public boolean hasPrevious() {
                return previousIndex() >= 0;
            }

            @Override
            public E previous() {
                if (!hasPrevious()) {
                    throw new NoSuchElementException();
                }
                return inner.previous();
            }

            @Override
            public int nextIndex() {
                return inner.nextIndex() - offset;
            }

            @Override
            public int previousIndex() {
                return inner.previousIndex() - offset;
            }

            @Override
            public void remove() {
                inner.remove();
                size--;
                modCount++;
            }

            @Override
            public void set(E e) {
                inner.set(e);
            }

            @Override
            public void add(E e) {
                inner.add(e);
                size++;
                modCount++;
            }
        };
    }
}
