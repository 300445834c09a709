package dev.pottery.collections.queue;

import dev.pottery.KeyExistsException;
import dev.pottery.NullElementException;
import dev.pottery.QueueEmptyException;
import dev.pottery.codec.Codec;
import dev.pottery.codec.CodecException;
import dev.pottery.internal.ElementCodec;
import dev.pottery.internal.TypedKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
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
 * <h2>A Python {@code None} is an element, not "empty"</h2>
 * Java refuses to add {@code null}, but a Python program may put {@code None}. {@link #poll()},
 * {@link #peek()} and the timed {@link #poll(long, TimeUnit)}, whose {@code null} answer means "empty",
 * throw {@link NullElementException} naming the key when the oldest element is {@code None}, and leave it
 * in the stream (the check and the take are one script). {@link #remove()}, {@link #take()},
 * {@link #element()}, pottery's {@link #get(Duration)}/{@link #getNowait()}, {@link #drainTo}, iteration
 * and {@link #toList()} return it as {@code null}; {@code contains(null)} finds it.
 *
 * <h2>Bytes that do not decode</h2>
 * An item whose bytes the codec cannot decode makes the call that reads it throw a
 * {@link CodecException} naming the key and carrying the bytes ({@link CodecException#bytes()}). A take
 * has removed the entry by then, and a stream cannot take an entry back in its place (IDs only grow),
 * so the exception is where those bytes are; the message says so. {@link #drainTo} hands every item it
 * can decode to the collection before throwing.
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
public class RedisQueue<E> extends AbstractRedisQueue<E> {

    static final int PAGE = 128;

    private final QueueCommands commands;
    private final QueueHead<E> head;

    /** Opens the queue at {@code key} with the JSON codec; an existing stream is used as it is. */
    public RedisQueue(UnifiedJedis redis, String key) {
        this(redis, key, ElementCodec.natural());
    }

    /** Opens a queue at a new random key, deleted by {@link #close()}. */
    public RedisQueue(UnifiedJedis redis) {
        this(redis, null, ElementCodec.natural());
    }

    /**
     * Creates the queue at {@code key} holding {@code initial} in order, atomically.
     *
     * @throws KeyExistsException if {@code initial} is not empty and the key already exists
     */
    public RedisQueue(UnifiedJedis redis, String key, Collection<? extends E> initial) {
        this(redis, key, ElementCodec.natural());
        create(initial);
    }

    RedisQueue(UnifiedJedis redis, String key, Codec<E> codec) {
        super(redis, key, codec, "RedisQueue");
        this.commands = new QueueCommands(new TypedKey(redis, key(), "stream", "RedisQueue"));
        this.head = new QueueHead<>(commands, elements(), key());
    }

    /** A builder, for a codec or initial data. */
    public static RedisQueueBuilder<Object> builder(UnifiedJedis redis) {
        return new RedisQueueBuilder<>(redis, ElementCodec.natural());
    }

    void create(Collection<? extends E> initial) {
        if (!initial.isEmpty() && commands.addAll(true, encodeAll(initial)) < 0) {
            throw new KeyExistsException(key());
        }
    }

    // ---------------------------------------------------------------- pottery style

    /**
     * Takes the oldest element, waiting up to {@code timeout} (pottery's {@code get(timeout=...)}); a
     * Python None is {@code null}.
     *
     * @throws QueueEmptyException if nothing could be taken in time
     * @throws InterruptedException if interrupted while waiting
     */
    public E get(Duration timeout) throws InterruptedException {
        return head.get(timeout.toNanos());
    }

    /**
     * Takes the oldest element without waiting (pottery's {@code get_nowait()}); a Python None is
     * {@code null}.
     *
     * @throws QueueEmptyException if the queue is empty
     */
    public E getNowait() {
        return head.getNowait();
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
        return !c.isEmpty() && commands.addAll(false, encodeAll(c)) > 0;
    }

    // ---------------------------------------------------------------- removal

    /**
     * Takes the oldest element, or {@code null} when empty: one atomic script (XRANGE and XDEL).
     *
     * @throws NullElementException if the oldest element is a Python None (left in the stream)
     */
    @Override
    public E poll() {
        return head.poll();
    }

    /**
     * Takes the oldest element, waiting up to the timeout; {@code null} if none could be taken in time.
     *
     * @throws NullElementException if the oldest element is a Python None (left in the stream)
     */
    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        return head.pollWithin(unit.toNanos(timeout));
    }

    /**
     * Takes the oldest element: one atomic script; a Python None is {@code null}.
     *
     * @throws NoSuchElementException if the queue is empty
     */
    @Override
    public E remove() {
        return head.remove();
    }

    /** Waits (holding a pooled connection during XREAD BLOCK) until an element can be taken; a None is {@code null}. */
    @Override
    public E take() throws InterruptedException {
        return head.take();
    }

    /**
     * Moves up to {@code maxElements}, oldest first, one atomic script per page of {@value #PAGE}; a
     * Python None is added as {@code null}. Items that do not decode are taken all the same: every other
     * item of the page reaches {@code c} first, then a {@link CodecException} carries the first bad
     * item's bytes (the others' as suppressed exceptions). Items {@code c} refuses are appended to the
     * queue again before its exception is thrown.
     */
    @Override
    public int drainTo(Collection<? super E> c, int maxElements) {
        Objects.requireNonNull(c, "c");
        if (c == this) {
            throw new IllegalArgumentException("cannot drain a RedisQueue into itself");
        }
        return head.drainTo(c, maxElements, PAGE);
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
        return commands.filter("drop", queryAll(c)) > 0;
    }

    /** XDELs every entry equal to none in {@code c}: one script scanning the stream server-side. */
    @Override
    public boolean retainAll(Collection<?> c) {
        return commands.filter("keep", queryAll(c)) > 0;
    }

    /** Deletes the stream: one script, which refuses a key holding another Redis type. */
    @Override
    public void clear() {
        commands.clear();
    }

    // ---------------------------------------------------------------- inspection

    /**
     * The oldest element without removing it (XRANGE COUNT 1), or {@code null} when empty.
     *
     * @throws NullElementException if the oldest element is a Python None
     */
    @Override
    public E peek() {
        return head.peek();
    }

    /**
     * The oldest element without removing it (XRANGE COUNT 1); a Python None is {@code null}.
     *
     * @throws NoSuchElementException if the queue is empty
     */
    @Override
    public E element() {
        return head.element();
    }

    /** Whether some entry holds an element equal to {@code o} (pages of XRANGE; {@code null} finds a None). */
    @Override
    public boolean contains(Object o) {
        return find(o) != null;
    }

    /** One script that scans the stream server-side. */
    @Override
    public boolean containsAll(Collection<?> c) {
        List<byte[]> wanted = elements().queryEach(c);
        return wanted != null && (wanted.isEmpty() || commands.filter("hasall", wanted) == 1);
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

    /** A local copy, oldest first; a Python None is {@code null}. */
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
        byte[] wanted = query(o);
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
}
