package dev.pottery.collections;

import dev.pottery.KeyExistsException;
import dev.pottery.QueueEmptyException;
import dev.pottery.codec.Codec;
import dev.pottery.codec.JsonCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.UnifiedJedis;

/**
 * A FIFO {@link BlockingQueue} on a Redis stream, laid out as Python pottery's {@code RedisSimpleQueue}
 * (pottery 3.0.1): each element is one stream entry {@code {item: <encoded element>}} added with
 * {@code XADD key * item ...}; taking reads the oldest entry and XDELs it; the size is XLEN.
 *
 * <pre>{@code
 * RedisQueue<Object> jobs = new RedisQueue<>(redis, "jobs");
 * jobs.put("resize:42");                                   // XADD jobs * item "\"resize:42\""
 * Object job = jobs.poll(5, TimeUnit.SECONDS);             // null if nothing came within 5 s
 * Object next = jobs.get(Duration.ofSeconds(1));           // pottery style: QueueEmptyException instead
 * }</pre>
 *
 * <h2>Each element goes to exactly one consumer</h2>
 * Pottery read an entry and then deleted it inside WATCH/MULTI. Here a script reads the oldest entry and
 * XDELs it in one atomic step, so any number of consumers in any number of processes never receive the
 * same element. A blocking take first tries that script; when the stream is empty it waits with
 * {@code XREAD BLOCK} (which only signals that something arrived) and then runs the script again; if
 * another consumer was faster, it goes back to waiting. Each wait holds one pooled connection of the
 * {@link UnifiedJedis} and is cut into slices of at most one second, so that
 * {@link Thread#interrupt()} is noticed within a second.
 *
 * <h2>Costs</h2>
 * {@code offer}/{@code put}: one XADD. {@code poll}: one script. {@code take}/timed {@code poll}: one
 * script when something is waiting. {@code addAll}, {@code drainTo} (per page of {@value #PAGE}),
 * {@code removeAll}, {@code retainAll}, {@code containsAll}: one script each. {@code size}: XLEN.
 * Iteration reads XRANGE pages and is weakly consistent; its {@code remove()} XDELs the entry it returned.
 *
 * <p>The queue is unbounded ({@link #remainingCapacity()} is {@link Integer#MAX_VALUE}), refuses null
 * elements, and compares equal only to a queue on the same client and key.
 *
 * @param <E> the type of elements
 */
public class RedisQueue<E> extends QueueAliases<E> {

    static final int PAGE = 128;

    private static final long MAX_WAIT_SLICE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final QueueCommands commands;

    /** Opens the queue at {@code key} with the JSON codec; an existing stream is used as it is. */
    public RedisQueue(UnifiedJedis redis, String key) {
        this(redis, key, CollectionCodecs.natural());
    }

    /** Opens a queue at a new random key, deleted by {@link #close()}. */
    public RedisQueue(UnifiedJedis redis) {
        this(redis, null, CollectionCodecs.natural());
    }

    /**
     * Creates the queue at {@code key} holding {@code initial} in order, atomically.
     *
     * @throws KeyExistsException if {@code initial} is not empty and the key already exists
     */
    public RedisQueue(UnifiedJedis redis, String key, Collection<? extends E> initial) {
        this(redis, key, CollectionCodecs.natural());
        create(initial);
    }

    RedisQueue(UnifiedJedis redis, String key, Codec<E> codec) {
        super(redis, key, codec, "queue");
        this.commands = new QueueCommands(this);
    }

    /** A builder, for a codec or initial data. */
    public static RedisQueueBuilder<Object> builder(UnifiedJedis redis) {
        return new RedisQueueBuilder<>(redis, JsonCodec.natural());
    }

    void create(Collection<? extends E> initial) {
        if (!initial.isEmpty() && putAll(true, initial) < 0) {
            throw new KeyExistsException(key());
        }
    }

    // ---------------------------------------------------------------- pottery style

    /**
     * Takes the oldest element, waiting up to {@code timeout} (pottery's {@code get(timeout=...)}).
     *
     * @throws QueueEmptyException if nothing could be taken in time
     * @throws InterruptedException if interrupted while waiting
     */
    public E get(Duration timeout) throws InterruptedException {
        E e = poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (e == null) {
            throw new QueueEmptyException(key());
        }
        return e;
    }

    /**
     * Takes the oldest element without waiting (pottery's {@code get_nowait()}).
     *
     * @throws QueueEmptyException if the queue is empty
     */
    public E getNowait() {
        E e = poll();
        if (e == null) {
            throw new QueueEmptyException(key());
        }
        return e;
    }

    // ---------------------------------------------------------------- insertion

    /** XADD of one entry; always {@code true} (the queue is unbounded). */
    @Override
    public boolean offer(E e) {
        commands.add(encode(e));
        return true;
    }

    /** Appends every element in order, in one script (one XADD each, atomically). */
    @Override
    public boolean addAll(Collection<? extends E> c) {
        if (c == this) {
            throw new IllegalArgumentException("cannot add a RedisQueue to itself");
        }
        return !c.isEmpty() && putAll(false, c) > 0;
    }

    private long putAll(boolean mustBeNew, Collection<? extends E> elements) {
        return commands.addAll(mustBeNew, encodeAll(elements));
    }

    // ---------------------------------------------------------------- removal

    /** Takes the oldest element, or {@code null}: one atomic script (XRANGE and XDEL). */
    @Override
    public E poll() {
        List<E> taken = takeUpTo(1);
        return taken.isEmpty() ? null : taken.get(0);
    }

    /** Waits (holding a pooled connection during XREAD BLOCK) until an element can be taken. */
    @Override
    public E take() throws InterruptedException {
        while (true) {
            E e = poll();
            if (e != null) {
                return e;
            }
            awaitEntry(MAX_WAIT_SLICE_NANOS);
        }
    }

    /** Takes the oldest element, waiting up to the timeout; {@code null} if none could be taken in time. */
    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        long start = System.nanoTime(); // elapsed time, not a deadline: start + Long.MAX_VALUE would overflow
        while (true) {
            E e = poll();
            if (e != null) {
                return e;
            }
            long left = nanos - (System.nanoTime() - start);
            if (left <= 0) {
                return null;
            }
            awaitEntry(Math.min(left, MAX_WAIT_SLICE_NANOS));
        }
    }

    /**
     * Waits until the stream has an entry or the time is up. XREAD only signals; the element is then
     * taken by the atomic script, so a consumer that loses the race simply waits again.
     */
    private void awaitEntry(long nanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        // BLOCK 0 would mean "forever": wait at least one millisecond
        long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos));
        commands.awaitEntry(millis);
    }

    private List<E> takeUpTo(int count) {
        List<byte[]> items = commands.take(count);
        List<E> out = new ArrayList<>(items.size());
        for (byte[] item : items) {
            out.add(decode(item));
        }
        return out;
    }

    /** Moves up to {@code maxElements}, oldest first, one atomic script per page of {@value #PAGE}. */
    @Override
    public int drainTo(Collection<? super E> c, int maxElements) {
        Objects.requireNonNull(c, "c");
        if (c == this) {
            throw new IllegalArgumentException("cannot drain a RedisQueue into itself");
        }
        int moved = 0;
        while (moved < maxElements) {
            int count = Math.min(PAGE, maxElements - moved);
            List<E> taken = takeUpTo(count);
            c.addAll(taken);
            moved += taken.size();
            if (taken.size() < count) {
                break;
            }
        }
        return moved;
    }

    /** Removes the oldest entry holding an element equal to {@code o} (pages of XRANGE, then XDEL). */
    @Override
    public boolean remove(Object o) {
        QueueIterator<E> found = find(o);
        if (found == null) {
            return false;
        }
        found.remove();
        return true;
    }

    /** XDELs every entry equal to one in {@code c}: one script scanning the stream server-side. */
    @Override
    public boolean removeAll(Collection<?> c) {
        return filter("drop", c) > 0;
    }

    /** XDELs every entry equal to none in {@code c}: one script scanning the stream server-side. */
    @Override
    public boolean retainAll(Collection<?> c) {
        return filter("keep", c) > 0;
    }

    /** Deletes the stream (UNLINK). */
    @Override
    public void clear() {
        commands.deleteKey();
    }

    // ---------------------------------------------------------------- inspection

    /** The oldest element without removing it (XRANGE COUNT 1), or {@code null}. */
    @Override
    public E peek() {
        List<Object> entries = commands.range(QueueCommands.ascii("-"), 1);
        return entries.isEmpty() ? null : decode(QueueIterator.item(this, entries.get(0)));
    }

    /** Whether some entry holds an element equal to {@code o} (pages of XRANGE). */
    @Override
    public boolean contains(Object o) {
        return find(o) != null;
    }

    /** One script that scans the stream server-side. */
    @Override
    public boolean containsAll(Collection<?> c) {
        for (Object o : c) {
            if (encodeForLookup(o) == null) {
                return false;
            }
        }
        return c.isEmpty() || filter("hasall", c) == 1;
    }

    /** XLEN (saturating at {@link Integer#MAX_VALUE}). */
    @Override
    public int size() {
        return (int) Math.min(Integer.MAX_VALUE, commands.length());
    }

    /** Oldest first, reading XRANGE pages; {@code remove()} XDELs the entry last returned. */
    @Override
    public Iterator<E> iterator() {
        return new QueueIterator<>(this);
    }

    /** A local copy, oldest first. */
    @Override
    public List<E> toList() {
        List<E> out = new ArrayList<>();
        iterator().forEachRemaining(out::add);
        return out;
    }

    /** Same client and key. */
    @Override
    public boolean equals(Object o) {
        return o == this || sameKeyAs(o) && o instanceof RedisQueue;
    }

    /** The key's hash, consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return key().hashCode();
    }

    // ---------------------------------------------------------------- helpers

    QueueCommands commands() {
        return commands;
    }

    /** An iterator that has just returned the oldest entry holding {@code o}, or null if none does. */
    private QueueIterator<E> find(Object o) {
        byte[] wanted = encodeForLookup(o);
        if (wanted != null) {
            QueueIterator<E> it = new QueueIterator<>(this);
            while (it.hasNext()) {
                if (Arrays.equals(it.nextRaw(), wanted)) {
                    return it;
                }
            }
        }
        return null;
    }

    private long filter(String mode, Collection<?> c) {
        return commands.filter(mode, encodeAllForLookup(c));
    }
}
