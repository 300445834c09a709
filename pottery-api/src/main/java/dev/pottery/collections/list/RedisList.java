package dev.pottery.collections.list;

import dev.pottery.KeyExistsException;
import dev.pottery.codec.Codec;
import dev.pottery.collections.RedisBacked;
import dev.pottery.internal.ElementCodec.Nulls;
import dev.pottery.internal.ElementCodec;
import dev.pottery.internal.StreamedText;
import dev.pottery.internal.TypedKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.UnaryOperator;
import redis.clients.jedis.UnifiedJedis;

/**
 * A {@link List} stored in a Redis list, shared by every process that opens the same key, and laid out
 * as Python pottery's {@code RedisList}: each element encoded by the codec (Python pottery's JSON by
 * default).
 *
 * <pre>{@code
 * RedisList<Object> squares = new RedisList<>(redis, "squares", List.of(1L, 4L, 9L));  // one script
 * squares.add(16L);                          // RPUSH squares 16
 * squares.get(1);                            // LINDEX: 4
 * squares.add(0, 0L);                        // one script
 * squares.indexOf(9L);                       // LPOS: 3
 * squares.subList(1, 3).clear();             // a live view: one script
 * for (Object square : squares) { ... }      // LRANGE pages
 * }</pre>
 *
 * <p><b>Costs.</b> {@code get} (LINDEX), {@code add} (RPUSH), {@code remove(Object)} (LREM),
 * {@code indexOf}/{@code lastIndexOf}/{@code contains} (LPOS) and {@code size} (LLEN) are one command;
 * {@code set}, {@code add(index, e)}, {@code remove(index)} one script each (bounds checked inside it,
 * atomically); {@code addAll} one RPUSH; {@code addAll(index, c)}, {@code removeAll}, {@code retainAll}
 * and {@code containsAll} one script. Iteration, {@code equals}, {@code hashCode} and
 * {@code toString} read LRANGE pages. {@link #sort} and {@link #replaceAll} read the list, work locally
 * and rewrite it with one compare-and-replace script, retried if another client changed it meanwhile.
 * Like any Redis list, access by index away from the ends is O(n) inside Redis.
 *
 * <p><b>Indexes</b> are Java's: from 0, never negative; out of range is an
 * {@link IndexOutOfBoundsException}. <b>Nulls</b> are stored when the codec can encode them (JSON
 * {@code null}, Python's {@code None}).
 *
 * <p><b>Bytes that do not decode</b> (written by another program or codec) make the call that reads
 * them throw a {@link dev.pottery.codec.CodecException} naming the key and carrying the bytes; nothing
 * is changed. {@code set(i, e)} and {@code remove(i)} have taken place when the element they replaced
 * or removed does not decode, and their exception says so.
 *
 * @param <E> the type of elements
 */
public class RedisList<E> extends RedisBacked implements List<E>, RandomAccess {

    private final ElementCodec<E> elements;
    private final ListCommands commands;

    /** Opens the list at {@code key} with Python pottery's JSON; existing data is kept. */
    public RedisList(UnifiedJedis redis, String key) {
        this(redis, key, ElementCodec.natural());
    }

    /** Opens a new list on a random key ({@code pottery:} and 16 characters), deleted by {@link #close()}. */
    public RedisList(UnifiedJedis redis) {
        this(redis, null);
    }

    /**
     * Creates the list at {@code key} (a random key when null) holding {@code initial}, atomically and in
     * one round trip; with an empty {@code initial} it just opens the key.
     *
     * @throws KeyExistsException if {@code initial} is not empty and the key already exists
     */
    public RedisList(UnifiedJedis redis, String key, Collection<? extends E> initial) {
        this(redis, key, ElementCodec.natural());
        create(initial);
    }

    RedisList(UnifiedJedis redis, String key, Codec<E> codec) {
        super(redis, key);
        this.elements = new ElementCodec<>(codec, key(), "RedisList", "element", Nulls.STORED);
        this.commands = new ListCommands(new TypedKey(redis, key(), "list", "RedisList"));
    }

    /** A builder for a list with a chosen codec: {@code RedisList.builder(redis).key("k").codec(..).build()}. */
    public static RedisListBuilder<Object> builder(UnifiedJedis redis) {
        return new RedisListBuilder<>(redis, ElementCodec.natural());
    }

    void create(Collection<? extends E> initial) {
        List<byte[]> encoded = elements.encodeAll(initial);
        if (!encoded.isEmpty() && !commands.create(encoded)) {
            throw new KeyExistsException(key());
        }
    }

    // ---- size and search ----

    /** {@inheritDoc} One LLEN; a list beyond {@code Integer.MAX_VALUE} elements reports that maximum. */
    @Override
    public int size() {
        return (int) Math.min(Integer.MAX_VALUE, commands.size());
    }

    /** {@inheritDoc} One LLEN. */
    @Override
    public boolean isEmpty() {
        return commands.size() == 0;
    }

    /** {@inheritDoc} One LPOS. */
    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    /** {@inheritDoc} One LPOS. */
    @Override
    public int indexOf(Object o) {
        byte[] element = elements.query(o);
        return element == null ? -1 : (int) commands.indexOf(element);
    }

    /** {@inheritDoc} One LPOS with RANK -1. */
    @Override
    public int lastIndexOf(Object o) {
        byte[] element = elements.query(o);
        return element == null ? -1 : (int) commands.lastIndexOf(element);
    }

    /** {@inheritDoc} One script (a single pass over the list inside Redis). */
    @Override
    public boolean containsAll(Collection<?> c) {
        if (c.isEmpty()) {
            return true;
        }
        List<byte[]> encoded = elements.queryEach(c);
        return encoded != null && commands.containsAll(encoded);
    }

    // ---- positional access ----

    /** {@inheritDoc} One LINDEX: a missing element is the atomic proof that the index is out of range. */
    @Override
    public E get(int index) {
        checkNotNegative(index);
        byte[] element = commands.get(index);
        if (element == null) {
            throw outOfBounds(index);
        }
        return decode(element);
    }

    /** {@inheritDoc} One script (LINDEX then LSET). */
    @Override
    public E set(int index, E element) {
        checkNotNegative(index);
        byte[] old = commands.getAndSet(index, elements.encode(element));
        if (old == null) {
            throw outOfBounds(index);
        }
        return elements.decodeAfter(old, "the new element was stored at index " + index);
    }

    /** {@inheritDoc} One script; at the ends it is an LPUSH or RPUSH inside it. */
    @Override
    public void add(int index, E element) {
        checkNotNegative(index);
        if (!commands.insert(index, List.of(elements.encode(element)))) {
            throw outOfBounds(index);
        }
    }

    /** {@inheritDoc} One script: the slot is overwritten with a unique marker, then removed with LREM. */
    @Override
    public E remove(int index) {
        checkNotNegative(index);
        byte[] old = commands.removeAt(index);
        if (old == null) {
            throw outOfBounds(index);
        }
        return elements.decodeAfter(old, "the element at index " + index + " was removed");
    }

    /** Removes positions {@code [from, to)}: one script (what a sub-list's {@code clear()} uses). */
    void removeRange(int from, int to) {
        if (!commands.removeRange(from, to)) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") out of bounds (Redis key '" + key() + "')");
        }
    }

    // ---- appending and removing ----

    /** {@inheritDoc} One RPUSH. */
    @Override
    public boolean add(E e) {
        commands.append(List.of(elements.encode(e)));
        return true;
    }

    /** {@inheritDoc} One RPUSH of every element; all are encoded before anything is written. */
    @Override
    public boolean addAll(Collection<? extends E> c) {
        List<byte[]> encoded = elements.encodeAll(c);
        commands.append(encoded);
        return !encoded.isEmpty();
    }

    /** {@inheritDoc} One script. */
    @Override
    public boolean addAll(int index, Collection<? extends E> c) {
        checkNotNegative(index);
        List<byte[]> encoded = elements.encodeAll(c);
        if (!commands.insert(index, encoded)) {
            throw outOfBounds(index);
        }
        return !encoded.isEmpty();
    }

    /** {@inheritDoc} One LREM with count 1. */
    @Override
    public boolean remove(Object o) {
        byte[] element = elements.query(o);
        return element != null && commands.removeFirst(element);
    }

    /** {@inheritDoc} One script (an LREM of every occurrence per distinct element). */
    @Override
    public boolean removeAll(Collection<?> c) {
        return commands.removeAll(elements.queryAll(c)) > 0;
    }

    /** {@inheritDoc} One script. */
    @Override
    public boolean retainAll(Collection<?> c) {
        return commands.retainAll(elements.queryAll(c)) > 0;
    }

    /** {@inheritDoc} UNLINKs the key: one script, which refuses a key holding another Redis type. */
    @Override
    public void clear() {
        commands.clear();
    }

    // ---- whole-list rewrites ----

    /**
     * {@inheritDoc} Reads the list (one LRANGE), sorts it locally, and rewrites it with one script that
     * first checks the list is unchanged; if another client changed it meanwhile, it starts again. A
     * null comparator sorts by natural order.
     */
    @Override
    public void sort(Comparator<? super E> c) {
        rewrite(items -> items.sort(c));
    }

    /** {@inheritDoc} Like {@link #sort}: read, transform locally, compare-and-replace, retried on conflict. */
    @Override
    public void replaceAll(UnaryOperator<E> operator) {
        Objects.requireNonNull(operator, "operator");
        rewrite(items -> items.replaceAll(operator));
    }

    private void rewrite(java.util.function.Consumer<List<E>> change) {
        while (true) {
            List<byte[]> read = commands.range(0, -1);
            List<E> items = decodeAll(read);
            change.accept(items);
            if (commands.compareAndReplace(read, elements.encodeAll(items))) {
                return;
            }
        }
    }

    // ---- views, iteration and copies ----

    /** {@inheritDoc} Reads LRANGE pages; {@code remove()} is one script. */
    @Override
    public Iterator<E> iterator() {
        return new ListPageIterator<>(this, 0);
    }

    /** {@inheritDoc} Reads LRANGE pages in either direction. */
    @Override
    public ListIterator<E> listIterator() {
        return new ListPageIterator<>(this, 0);
    }

    /** {@inheritDoc} One LLEN to check {@code index}, then LRANGE pages. */
    @Override
    public ListIterator<E> listIterator(int index) {
        int size = size();
        if (index < 0 || index > size) {
            throw new IndexOutOfBoundsException("Index: " + index + ", Size: " + size + " (Redis key '" + key() + "')");
        }
        return new ListPageIterator<>(this, index);
    }

    /** {@inheritDoc} A live view (one LLEN to check the bounds); see {@link List#subList}. */
    @Override
    public List<E> subList(int fromIndex, int toIndex) {
        int size = size();
        if (fromIndex < 0 || toIndex > size || fromIndex > toIndex) {
            throw new IndexOutOfBoundsException("subList(" + fromIndex + ", " + toIndex + ") of size " + size
                    + " (Redis key '" + key() + "')");
        }
        return new ListSubView<>(this, fromIndex, toIndex);
    }

    /** {@inheritDoc} Over the paged iterator (the default would read element by element). */
    @Override
    public Spliterator<E> spliterator() {
        return Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED);
    }

    /**
     * The codec of elements.
     *
     * @return the codec
     */
    public Codec<E> codec() {
        return elements.codec();
    }

    /** {@inheritDoc} {@code [a, b]} as {@link java.util.AbstractCollection} writes it, over LRANGE pages. */
    @Override
    public String toString() {
        return StreamedText.of(iterator());
    }

    /** A local copy of the whole list: one LRANGE 0 -1 (Python pottery's {@code to_list}). */
    public List<E> toList() {
        return decodeAll(commands.range(0, -1));
    }

    /** {@inheritDoc} One LRANGE. */
    @Override
    public Object[] toArray() {
        return toList().toArray();
    }

    /** {@inheritDoc} One LRANGE. */
    @Override
    public <T> T[] toArray(T[] a) {
        return toList().toArray(a);
    }

    // ---- Object ----

    /**
     * {@inheritDoc} Two lists on the same client and key are equal without reading Redis; otherwise
     * element by element in order, as {@link List#equals} specifies.
     */
    @Override
    public boolean equals(Object o) {
        if (o == this || (o instanceof RedisList<?> && sameKeyAs(o))) {
            return true;
        }
        if (!(o instanceof List<?> other)) {
            return false;
        }
        List<?> local = other instanceof RedisList<?> redisList ? redisList.toList() : other;
        if (local.size() != size()) {
            return false;
        }
        Iterator<E> mine = iterator();
        Iterator<?> theirs = local.iterator();
        while (mine.hasNext() && theirs.hasNext()) {
            if (!Objects.equals(mine.next(), theirs.next())) {
                return false;
            }
        }
        return !mine.hasNext() && !theirs.hasNext();
    }

    /** {@inheritDoc} As {@link List#hashCode} specifies, over LRANGE pages. */
    @Override
    public int hashCode() {
        int hash = 1;
        for (E e : this) {
            hash = 31 * hash + Objects.hashCode(e);
        }
        return hash;
    }

    // ---- encoding, shared with the views ----

    ListCommands commands() {
        return commands;
    }

    private List<E> decodeAll(List<byte[]> raw) {
        return new ArrayList<>(elements.decodeAll(raw));
    }



    E decode(byte[] element) {
        return elements.decode(element);
    }




    private void checkNotNegative(int index) {
        if (index < 0) {
            throw outOfBounds(index);
        }
    }

    private IndexOutOfBoundsException outOfBounds(int index) {
        return new IndexOutOfBoundsException("Index " + index + " out of bounds for the list at Redis key '" + key() + "'");
    }
}
