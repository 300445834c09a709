package dev.pottery.collections.queue;

import dev.pottery.KeyExistsException;
import dev.pottery.NullElementException;
import dev.pottery.codec.Codec;
import dev.pottery.codec.CodecException;
import dev.pottery.internal.ElementCodec;
import dev.pottery.internal.TypedKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.UnifiedJedis;

/**
 * A {@link BlockingDeque} stored in a Redis list, laid out as Python pottery's {@code RedisDeque}: each
 * element is one list item holding its encoded bytes (JSON text by default), head first.
 *
 * <pre>{@code
 * RedisDeque<Object> recent = RedisDeque.builder(redis).key("recent").maxlen(3).build();
 * recent.addAll(List.of("a", "b", "c", "d"));   // keeps the newest three: [b, c, d]
 * recent.addFirst("z");                           // drops the far end: [z, b, c]
 * Object next = recent.pollFirst(2, TimeUnit.SECONDS);   // waits up to 2 s
 * recent.rotate(1);                               // pottery's extra: [c, z, b]
 * }</pre>
 *
 * <h2>Bounded deques drop, they do not refuse</h2>
 * With a {@code maxlen}, this deque behaves as Python's {@code deque(maxlen=n)} and pottery: every
 * insertion succeeds, and when the list would grow beyond {@code maxlen} the elements at the
 * <em>far</em> end are dropped in the same atomic step (adding at the tail drops from the head, adding at
 * the head drops from the tail). So {@link #offerFirst}/{@link #offerLast} (with or without a timeout)
 * always return {@code true}, {@link #addFirst}/{@link #addLast} never throw
 * {@link IllegalStateException}, and {@link #putFirst}/{@link #putLast} never block. This departs from
 * the {@code BlockingDeque} contract for capacity-restricted deques, on purpose: a Python program sharing
 * the key trims the same way. {@link #remainingCapacity()} still reports {@code maxlen - size()}. A
 * {@code maxlen} of 0 accepts and discards everything, as Python does.
 *
 * <h2>A Python {@code None} is an element, not "empty"</h2>
 * Java refuses to add {@code null} ({@link NullPointerException}, as every {@code BlockingDeque}), but a
 * Python program may store {@code None} (JSON {@code null}). Such an element is never lost or hidden:
 * <ul>
 *   <li>the methods whose {@code null} answer means "empty" ({@link #pollFirst()}, {@link #peekFirst()},
 *       {@link #poll()}, {@link #peek()}, the {@code Last} and timed forms) throw
 *       {@link NullElementException} naming the key when the element at that end is {@code None}, and
 *       leave it there (the check and the pop are one script);</li>
 *   <li>the methods that signal "empty" by an exception ({@link #removeFirst()}, {@link #pop()},
 *       {@link #remove()}, {@link #takeFirst()}, {@link #take()}, {@link #getFirst()},
 *       {@link #element()} and the {@code Last} forms) return it as {@code null};</li>
 *   <li>iteration, {@link #toList()} and {@link #drainTo} give it as {@code null}; {@code contains(null)}
 *       and {@code remove(null)} find it.</li>
 * </ul>
 * So {@code while (!deque.isEmpty()) { x = deque.removeFirst(); ... }} (single consumer) or
 * {@code take()} read a Python deque with {@code None}s completely.
 *
 * <h2>Bytes that do not decode</h2>
 * An element whose bytes the codec cannot decode (written by another program or codec) makes the call
 * that reads it throw a {@link CodecException} naming the key and carrying the bytes
 * ({@link CodecException#bytes()}). A take ({@code poll}, {@code remove}, {@code take}, {@code drainTo})
 * puts such an element back at the end it came from (a second command) before it throws, so nothing is
 * lost; to get rid of it, open the key with {@link dev.pottery.codec.BytesCodec} and take its bytes.
 *
 * <h2>Blocking takes hold a connection</h2>
 * {@link #takeFirst()} and {@link #takeLast()} wait with BLPOP/BRPOP; the timed polls wait with BLMOVE
 * of the list onto itself (which changes nothing) and then take with the pop script. A blocking command
 * occupies one pooled connection of the {@link UnifiedJedis} for as long as it waits, so size the pool for
 * the number of threads that may wait at once plus the others. Waits are cut into slices of at most one
 * second so that {@link Thread#interrupt()} is noticed within a second.
 *
 * <h2>Costs</h2>
 * One round trip per single-element operation: LPUSH/RPUSH (a bounded push runs one script: push and
 * LTRIM), the polls one script (LINDEX and LPOP), {@code removeFirst} LPOP, the peeks LINDEX;
 * {@link #addAll}, {@link #removeAll}, {@link #retainAll}, {@link #containsAll} and {@link #rotate} one
 * script each; {@code size} is LLEN; iteration reads LRANGE pages of {@value #PAGE} elements. Iterators
 * are weakly consistent, as those of {@code java.util.concurrent}: they never throw
 * {@link java.util.ConcurrentModificationException} and may or may not show concurrent changes.
 *
 * <p>Two instances are equal when they use the same client and key (deques do not compare by content in
 * Java); {@link #toString()} streams the contents.
 *
 * @param <E> the type of elements
 */
public class RedisDeque<E> extends AbstractRedisDeque<E> {

    /** Elements read per LRANGE by iterators and bulk reads. */
    static final int PAGE = 128;

    private static final int UNBOUNDED = DequeCommands.UNBOUNDED;

    private final int maxlen;
    private final DequeCommands commands;
    private final DequeEnds<E> ends;

    /** Opens the deque at {@code key} (unbounded, JSON codec); an existing list is used as it is. */
    public RedisDeque(UnifiedJedis redis, String key) {
        this(redis, key, ElementCodec.natural(), UNBOUNDED);
    }

    /** Opens an unbounded deque at a new random key, deleted by {@link #close()}. */
    public RedisDeque(UnifiedJedis redis) {
        this(redis, null, ElementCodec.natural(), UNBOUNDED);
    }

    /**
     * Creates the deque at {@code key} holding {@code initial}, in one atomic step.
     *
     * @throws KeyExistsException if {@code initial} is not empty and the key already exists
     */
    public RedisDeque(UnifiedJedis redis, String key, Collection<? extends E> initial) {
        this(redis, key, ElementCodec.natural(), UNBOUNDED);
        create(initial);
    }

    RedisDeque(UnifiedJedis redis, String key, Codec<E> codec, int maxlen) {
        super(redis, key, codec);
        this.maxlen = maxlen;
        this.commands = new DequeCommands(new TypedKey(redis, key(), "list", "RedisDeque"), maxlen);
        this.ends = new DequeEnds<>(commands, elements(), key());
    }

    /** A builder, for a codec, a maximum length or initial data. */
    public static RedisDequeBuilder<Object> builder(UnifiedJedis redis) {
        return new RedisDequeBuilder<>(redis, ElementCodec.natural());
    }

    void create(Collection<? extends E> initial) {
        if (initial.isEmpty()) {
            return; // as pottery: no data, no existence check
        }
        List<? extends E> items = new ArrayList<>(initial);
        if (maxlen != UNBOUNDED && items.size() > maxlen) {
            items = items.subList(items.size() - maxlen, items.size()); // pottery keeps the last maxlen
        }
        long length = commands.push(false, true, encodeAll(items));
        if (length < 0) {
            throw new KeyExistsException(key());
        }
    }

    void checkPersistentLength() {
        if (maxlen != UNBOUNDED) {
            long length = size();
            if (length > maxlen) {
                throw new IllegalStateException("persistent RedisDeque '" + key() + "' holds " + length
                        + " elements, beyond its maximum size " + maxlen);
            }
        }
    }

    // ---------------------------------------------------------------- pottery extras

    /** The maximum length, if this deque is bounded. */
    public OptionalInt maxlen() {
        return maxlen == UNBOUNDED ? OptionalInt.empty() : OptionalInt.of(maxlen);
    }

    /**
     * Rotates the deque {@code n} steps to the right (the last {@code n} elements move to the head), or
     * to the left when {@code n} is negative, as Python's {@code deque.rotate}; atomic, one script.
     * Unlike pottery (issue #849), {@code n} is reduced modulo the length (exactly, for any {@code long}),
     * so {@code rotate(4)} of three elements equals {@code rotate(1)}.
     */
    public void rotate(long n) {
        commands.rotate(n);
    }

    /** A local copy of the whole deque, head first (one LRANGE); a Python None is a {@code null}. */
    @Override
    public List<E> toList() {
        return elements().decodeAll(commands.range(0, -1));
    }

    // ---------------------------------------------------------------- insertion

    /** LPUSH (bounded: one script that also trims the tail). */
    @Override
    public void addFirst(E e) {
        commands.push(true, false, List.of(encode(e)));
    }

    /** RPUSH (bounded: one script that also trims the head). */
    @Override
    public void addLast(E e) {
        commands.push(false, false, List.of(encode(e)));
    }

    /**
     * Appends every element at the tail in one round trip (one RPUSH, or one script when bounded, which
     * then keeps the newest {@code maxlen}).
     */
    @Override
    public boolean addAll(Collection<? extends E> c) {
        if (c == this) {
            throw new IllegalArgumentException("cannot add a RedisDeque to itself");
        }
        if (c.isEmpty()) {
            return false;
        }
        commands.push(false, false, encodeAll(c));
        return true;
    }

    // ---------------------------------------------------------------- taking: null means empty

    /**
     * Takes the head, or {@code null} when empty: one script (LINDEX, LPOP).
     *
     * @throws NullElementException if the head is a Python None (left in place)
     */
    @Override
    public E pollFirst() {
        return ends.poll(true);
    }

    /**
     * Takes the tail, or {@code null} when empty: one script (LINDEX, RPOP).
     *
     * @throws NullElementException if the tail is a Python None (left in place)
     */
    @Override
    public E pollLast() {
        return ends.poll(false);
    }

    /**
     * Takes the head, waiting up to the timeout; {@code null} if nothing arrived in time.
     *
     * @throws NullElementException if the head is a Python None (left in place)
     */
    @Override
    public E pollFirst(long timeout, TimeUnit unit) throws InterruptedException {
        return ends.pollWithin(true, unit.toNanos(timeout));
    }

    /**
     * Takes the tail, waiting up to the timeout; {@code null} if nothing arrived in time.
     *
     * @throws NullElementException if the tail is a Python None (left in place)
     */
    @Override
    public E pollLast(long timeout, TimeUnit unit) throws InterruptedException {
        return ends.pollWithin(false, unit.toNanos(timeout));
    }

    // ---------------------------------------------------------------- taking: an exception means empty

    /**
     * Takes the head: LPOP; a Python None comes back as {@code null}.
     *
     * @throws NoSuchElementException if the deque is empty
     */
    @Override
    public E removeFirst() {
        return ends.remove(true);
    }

    /**
     * Takes the tail: RPOP; a Python None comes back as {@code null}.
     *
     * @throws NoSuchElementException if the deque is empty
     */
    @Override
    public E removeLast() {
        return ends.remove(false);
    }

    /** Waits (BLPOP, holding a pooled connection) until the head can be taken; a Python None is {@code null}. */
    @Override
    public E takeFirst() throws InterruptedException {
        return ends.take(true);
    }

    /** Waits (BRPOP, holding a pooled connection) until the tail can be taken; a Python None is {@code null}. */
    @Override
    public E takeLast() throws InterruptedException {
        return ends.take(false);
    }

    /**
     * Moves up to {@code maxElements} from the head into {@code c}, LPOP with a count per page; a Python
     * None is added as {@code null}. When an element does not decode, or {@code c} refuses one, that
     * element and the rest of its page go back to the head (in order) before the exception is thrown.
     */
    @Override
    public int drainTo(Collection<? super E> c, int maxElements) {
        Objects.requireNonNull(c, "c");
        if (c == this) {
            throw new IllegalArgumentException("cannot drain a RedisDeque into itself");
        }
        return ends.drainTo(c, maxElements, PAGE);
    }

    // ---------------------------------------------------------------- removal by value

    /** LREM count 1: the first equal element from the head ({@code null} finds a Python None). */
    @Override
    public boolean removeFirstOccurrence(Object o) {
        byte[] encoded = query(o);
        return encoded != null && commands.removeOne(encoded, false);
    }

    /** LREM count -1: the first equal element from the tail ({@code null} finds a Python None). */
    @Override
    public boolean removeLastOccurrence(Object o) {
        byte[] encoded = query(o);
        return encoded != null && commands.removeOne(encoded, true);
    }

    /** Removes every element equal to one in {@code c}: one script. */
    @Override
    public boolean removeAll(Collection<?> c) {
        return filter(false, c);
    }

    /** Keeps only elements equal to one in {@code c}: one script that rewrites the list atomically. */
    @Override
    public boolean retainAll(Collection<?> c) {
        return filter(true, c);
    }

    private boolean filter(boolean keep, Collection<?> c) {
        List<byte[]> values = queryAll(c);
        if (values.isEmpty() && !keep) {
            return false;
        }
        return commands.filter(keep, values) > 0;
    }

    /** Deletes the key: one script, which refuses a key holding another Redis type. */
    @Override
    public void clear() {
        commands.clear();
    }

    // ---------------------------------------------------------------- inspection

    /**
     * LINDEX 0: the head, or {@code null} when empty.
     *
     * @throws NullElementException if the head is a Python None
     */
    @Override
    public E peekFirst() {
        return ends.peek(true);
    }

    /**
     * LINDEX -1: the tail, or {@code null} when empty.
     *
     * @throws NullElementException if the tail is a Python None
     */
    @Override
    public E peekLast() {
        return ends.peek(false);
    }

    /**
     * LINDEX 0: the head; a Python None is {@code null}.
     *
     * @throws NoSuchElementException if the deque is empty
     */
    @Override
    public E getFirst() {
        return ends.get(true);
    }

    /**
     * LINDEX -1: the tail; a Python None is {@code null}.
     *
     * @throws NoSuchElementException if the deque is empty
     */
    @Override
    public E getLast() {
        return ends.get(false);
    }

    /** LPOS: one round trip ({@code null} finds a Python None). */
    @Override
    public boolean contains(Object o) {
        byte[] encoded = query(o);
        return encoded != null && commands.contains(encoded);
    }

    /** One script of LPOS calls, stopping at the first missing element. */
    @Override
    public boolean containsAll(Collection<?> c) {
        List<byte[]> args = elements().queryEach(c);
        return args != null && (args.isEmpty() || commands.containsAll(args));
    }

    /** LLEN (saturating at {@link Integer#MAX_VALUE}). */
    @Override
    public int size() {
        return (int) Math.min(Integer.MAX_VALUE, commands.length());
    }

    /** {@code maxlen - size()} for a bounded deque, else {@link Integer#MAX_VALUE}. */
    @Override
    public int remainingCapacity() {
        return maxlen == UNBOUNDED ? Integer.MAX_VALUE : Math.max(0, maxlen - size());
    }

    /** Head to tail, reading LRANGE pages; {@code remove()} deletes the element it returned. */
    @Override
    public Iterator<E> iterator() {
        return new DequeIterator<>(this, false);
    }

    /** Tail to head, reading LRANGE pages from the end. */
    @Override
    public Iterator<E> descendingIterator() {
        return new DequeIterator<>(this, true);
    }

    /** Same client and key: deques compare by identity of storage, never by content. */
    @Override
    public boolean equals(Object o) {
        return o == this || sameKeyAs(o) && o instanceof RedisDeque;
    }

    /** The key's hash, consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return key().hashCode();
    }

    // ---------------------------------------------------------------- helpers for DequeIterator

    DequeCommands commands() {
        return commands;
    }
}
