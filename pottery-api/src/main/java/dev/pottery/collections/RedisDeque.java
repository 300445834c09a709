package dev.pottery.collections;

import dev.pottery.KeyExistsException;
import dev.pottery.codec.Codec;
import dev.pottery.codec.JsonCodec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
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
 * Object next = recent.pollFirst(2, TimeUnit.SECONDS);   // BLPOP with a timeout
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
 * <h2>Blocking takes hold a connection</h2>
 * {@link #takeFirst()}, {@link #takeLast()} and the timed polls wait with BLPOP/BRPOP. A blocking command
 * occupies one pooled connection of the {@link UnifiedJedis} for as long as it waits, so size the pool for
 * the number of threads that may wait at once plus the others. Waits are cut into slices of at most one
 * second so that {@link Thread#interrupt()} is noticed within a second.
 *
 * <h2>Costs</h2>
 * One round trip per single-element operation (a bounded push runs one script: push and LTRIM);
 * {@link #addAll}, {@link #removeAll}, {@link #retainAll}, {@link #containsAll} and {@link #rotate} one
 * script each; {@code size} is LLEN; iteration reads LRANGE pages of {@value #PAGE} elements. Iterators
 * are weakly consistent, as those of {@code java.util.concurrent}: they never throw
 * {@link java.util.ConcurrentModificationException} and may or may not show concurrent changes.
 *
 * <p>Null elements are refused with {@link NullPointerException}, as every {@code BlockingDeque} does.
 * Two instances are equal when they use the same client and key (deques do not compare by content in
 * Java); {@link #toString()} streams the contents.
 *
 * @param <E> the type of elements
 */
public class RedisDeque<E> extends DequeAliases<E> implements BlockingDeque<E> {

    /** Elements read per LRANGE by iterators and bulk reads. */
    static final int PAGE = 128;

    private static final long MAX_WAIT_SLICE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int UNBOUNDED = DequeCommands.UNBOUNDED;

    private final int maxlen;
    private final DequeCommands commands;

    /** Opens the deque at {@code key} (unbounded, JSON codec); an existing list is used as it is. */
    public RedisDeque(UnifiedJedis redis, String key) {
        this(redis, key, CollectionCodecs.natural(), UNBOUNDED);
    }

    /** Opens an unbounded deque at a new random key, deleted by {@link #close()}. */
    public RedisDeque(UnifiedJedis redis) {
        this(redis, null, CollectionCodecs.natural(), UNBOUNDED);
    }

    /**
     * Creates the deque at {@code key} holding {@code initial}, in one atomic step.
     *
     * @throws KeyExistsException if {@code initial} is not empty and the key already exists
     */
    public RedisDeque(UnifiedJedis redis, String key, Collection<? extends E> initial) {
        this(redis, key, CollectionCodecs.natural(), UNBOUNDED);
        create(initial);
    }

    RedisDeque(UnifiedJedis redis, String key, Codec<E> codec, int maxlen) {
        super(redis, key, codec);
        this.maxlen = maxlen;
        this.commands = new DequeCommands(this, maxlen);
    }

    /** A builder, for a codec, a maximum length or initial data. */
    public static RedisDequeBuilder<Object> builder(UnifiedJedis redis) {
        return new RedisDequeBuilder<>(redis, JsonCodec.natural());
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
     * Unlike pottery (issue #849), {@code n} is reduced modulo the length, so {@code rotate(4)} of three
     * elements equals {@code rotate(1)}.
     */
    public void rotate(long n) {
        commands.rotate(n);
    }

    /** A local copy of the whole deque, head first (one LRANGE). */
    @Override
    public List<E> toList() {
        List<byte[]> raw = commands.range(0, -1);
        List<E> out = new ArrayList<>(raw.size());
        for (byte[] bytes : raw) {
            out.add(decode(bytes));
        }
        return out;
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

    // ---------------------------------------------------------------- removal

    /** LPOP: the head, or {@code null} when empty. */
    @Override
    public E pollFirst() {
        return decodeOrNull(commands.pop(true));
    }

    /** RPOP: the tail, or {@code null} when empty. */
    @Override
    public E pollLast() {
        return decodeOrNull(commands.pop(false));
    }

    /** Waits (BLPOP, holding a pooled connection) until the head can be taken. */
    @Override
    public E takeFirst() throws InterruptedException {
        return takeFrom(true);
    }

    /** Waits (BRPOP, holding a pooled connection) until the tail can be taken. */
    @Override
    public E takeLast() throws InterruptedException {
        return takeFrom(false);
    }

    /** Takes the head, waiting up to the timeout with BLPOP; {@code null} if nothing arrived in time. */
    @Override
    public E pollFirst(long timeout, TimeUnit unit) throws InterruptedException {
        return pollWithin(true, unit.toNanos(timeout));
    }

    /** Takes the tail, waiting up to the timeout with BRPOP; {@code null} if nothing arrived in time. */
    @Override
    public E pollLast(long timeout, TimeUnit unit) throws InterruptedException {
        return pollWithin(false, unit.toNanos(timeout));
    }

    private E takeFrom(boolean head) throws InterruptedException {
        while (true) {
            E e = blockingPop(head, MAX_WAIT_SLICE_NANOS);
            if (e != null) {
                return e;
            }
        }
    }

    private E pollWithin(boolean head, long nanos) throws InterruptedException {
        long start = System.nanoTime(); // elapsed time, not a deadline: start + Long.MAX_VALUE would overflow
        while (true) {
            long left = nanos - (System.nanoTime() - start);
            if (left < TimeUnit.MILLISECONDS.toNanos(1)) {
                // Redis reads a blocking timeout of 0 as "forever", so a spent wait ends with one plain pop
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                return head ? pollFirst() : pollLast();
            }
            E e = blockingPop(head, Math.min(left, MAX_WAIT_SLICE_NANOS));
            if (e != null) {
                return e;
            }
        }
    }

    private E blockingPop(boolean head, long nanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        double seconds = Math.max(nanos, TimeUnit.MILLISECONDS.toNanos(1)) / 1e9;
        return decodeOrNull(commands.blockingPop(head, seconds));
    }

    /** LREM count 1: the first equal element from the head. */
    @Override
    public boolean removeFirstOccurrence(Object o) {
        byte[] encoded = encodeForLookup(o);
        return encoded != null && commands.removeOne(encoded, false);
    }

    /** LREM count -1: the first equal element from the tail. */
    @Override
    public boolean removeLastOccurrence(Object o) {
        byte[] encoded = encodeForLookup(o);
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
        List<byte[]> values = encodeAllForLookup(Objects.requireNonNull(c, "c"));
        if (values.isEmpty() && !keep) {
            return false;
        }
        return commands.filter(keep, values) > 0;
    }

    /** Deletes the key (UNLINK). */
    @Override
    public void clear() {
        commands.delete();
    }

    /** Moves up to {@code maxElements} from the head into {@code c}, LPOP with a count per page. */
    @Override
    public int drainTo(Collection<? super E> c, int maxElements) {
        Objects.requireNonNull(c, "c");
        if (c == this) {
            throw new IllegalArgumentException("cannot drain a RedisDeque into itself");
        }
        int moved = 0;
        while (moved < maxElements) {
            int count = Math.min(PAGE, maxElements - moved);
            List<byte[]> popped = commands.popHead(count);
            if (popped.isEmpty()) {
                break;
            }
            for (byte[] bytes : popped) {
                c.add(decode(bytes));
            }
            moved += popped.size();
            if (popped.size() < count) {
                break;
            }
        }
        return moved;
    }

    // ---------------------------------------------------------------- inspection

    /** LINDEX 0: the head, or {@code null} when empty. */
    @Override
    public E peekFirst() {
        return decodeOrNull(commands.index(0));
    }

    /** LINDEX -1: the tail, or {@code null} when empty. */
    @Override
    public E peekLast() {
        return decodeOrNull(commands.index(-1));
    }

    /** LPOS: one round trip. */
    @Override
    public boolean contains(Object o) {
        byte[] encoded = encodeForLookup(o);
        return encoded != null && commands.contains(encoded);
    }

    /** One script of LPOS calls, stopping at the first missing element. */
    @Override
    public boolean containsAll(Collection<?> c) {
        List<byte[]> args = new ArrayList<>(c.size());
        for (Object o : c) {
            byte[] encoded = encodeForLookup(o);
            if (encoded == null) {
                return false;
            }
            args.add(encoded);
        }
        return args.isEmpty() || commands.containsAll(args);
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
