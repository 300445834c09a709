package dev.pottery.collections;

import dev.pottery.KeyExistsException;
import dev.pottery.codec.Codec;
import dev.pottery.codec.JsonCodec;
import dev.pottery.internal.LuaScript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.KeyValue;

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
public class RedisDeque<E> extends RedisBacked implements BlockingDeque<E> {

    /** Elements read per LRANGE by iterators and bulk reads. */
    static final int PAGE = 128;

    private static final LuaScript PUSH = LuaScript.fromResource(RedisDeque.class, "deque-push.lua");
    private static final LuaScript ROTATE = LuaScript.fromResource(RedisDeque.class, "deque-rotate.lua");
    private static final LuaScript REMOVE_AT = LuaScript.fromResource(RedisDeque.class, "deque-remove-at.lua");
    private static final LuaScript FILTER = LuaScript.fromResource(RedisDeque.class, "deque-filter.lua");
    private static final LuaScript CONTAINS_ALL = LuaScript.fromResource(RedisDeque.class, "deque-contains-all.lua");
    private static final long MAX_WAIT_SLICE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final byte[] LEFT = {'L'};
    private static final byte[] RIGHT = {'R'};
    private static final int UNBOUNDED = -1;

    private final Codec<E> codec;
    private final int maxlen;

    /** Opens the deque at {@code key} (unbounded, JSON codec); an existing list is used as it is. */
    public RedisDeque(UnifiedJedis redis, String key) {
        this(redis, key, natural(), UNBOUNDED);
    }

    /** Opens an unbounded deque at a new random key, deleted by {@link #close()}. */
    public RedisDeque(UnifiedJedis redis) {
        this(redis, null, natural(), UNBOUNDED);
    }

    /**
     * Creates the deque at {@code key} holding {@code initial}, in one atomic step.
     *
     * @throws KeyExistsException if {@code initial} is not empty and the key already exists
     */
    public RedisDeque(UnifiedJedis redis, String key, Collection<? extends E> initial) {
        this(redis, key, natural(), UNBOUNDED);
        create(initial);
    }

    private RedisDeque(UnifiedJedis redis, String key, Codec<E> codec, int maxlen) {
        super(redis, key);
        this.codec = Objects.requireNonNull(codec, "codec");
        this.maxlen = maxlen;
    }

    /** A builder, for a codec, a maximum length or initial data. */
    public static Builder<Object> builder(UnifiedJedis redis) {
        return new Builder<>(redis, JsonCodec.natural());
    }

    @SuppressWarnings("unchecked")
    private static <E> Codec<E> natural() {
        return (Codec<E>) JsonCodec.natural();
    }

    private void create(Collection<? extends E> initial) {
        if (initial.isEmpty()) {
            return; // as pottery: no data, no existence check
        }
        List<? extends E> items = new ArrayList<>(initial);
        if (maxlen != UNBOUNDED && items.size() > maxlen) {
            items = items.subList(items.size() - maxlen, items.size()); // pottery keeps the last maxlen
        }
        long length = push(RIGHT, true, items);
        if (length < 0) {
            throw new KeyExistsException(key());
        }
    }

    private void checkPersistentLength() {
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
        call(() -> ROTATE.run(redis(), List.of(rawKey()), List.of(ascii(n))));
    }

    /** A local copy of the whole deque, head first (one LRANGE). */
    public List<E> toList() {
        List<byte[]> raw = call(() -> redis().lrange(rawKey(), 0, -1));
        List<E> out = new ArrayList<>(raw.size());
        for (byte[] bytes : raw) {
            out.add(decode(bytes));
        }
        return out;
    }

    // ---------------------------------------------------------------- insertion

    @Override
    public void addFirst(E e) {
        push(LEFT, false, List.of(e));
    }

    @Override
    public void addLast(E e) {
        push(RIGHT, false, List.of(e));
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

    @Override
    public boolean add(E e) {
        addLast(e);
        return true;
    }

    @Override
    public boolean offer(E e) {
        return offerLast(e);
    }

    @Override
    public void put(E e) {
        putLast(e);
    }

    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) {
        return offerLast(e, timeout, unit);
    }

    @Override
    public void push(E e) {
        addFirst(e);
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
        push(RIGHT, false, new ArrayList<>(c));
        return true;
    }

    /** Pushes encoded elements at one end; returns the new length, or -1 if {@code mustBeNew} failed. */
    private long push(byte[] side, boolean mustBeNew, List<? extends E> elements) {
        List<byte[]> encoded = new ArrayList<>(elements.size() + 3);
        encoded.add(ascii(maxlen));
        encoded.add(side);
        encoded.add(mustBeNew ? new byte[] {'1'} : new byte[] {'0'});
        for (E e : elements) {
            encoded.add(encode(Objects.requireNonNull(e, "RedisDeque does not accept null elements")));
        }
        if (maxlen == 0) {
            return 0; // Python's deque(maxlen=0) accepts and discards everything
        }
        if (maxlen == UNBOUNDED && !mustBeNew) {
            byte[][] values = encoded.subList(3, encoded.size()).toArray(new byte[0][]);
            // unbounded: a plain LPUSH/RPUSH is already one atomic command
            return call(() -> side == LEFT ? redis().lpush(rawKey(), values) : redis().rpush(rawKey(), values));
        }
        return (Long) call(() -> PUSH.run(redis(), List.of(rawKey()), encoded));
    }

    // ---------------------------------------------------------------- removal

    @Override
    public E pollFirst() {
        return decodeOrNull(call(() -> redis().lpop(rawKey())));
    }

    @Override
    public E pollLast() {
        return decodeOrNull(call(() -> redis().rpop(rawKey())));
    }

    @Override
    public E removeFirst() {
        return orThrow(pollFirst());
    }

    @Override
    public E removeLast() {
        return orThrow(pollLast());
    }

    @Override
    public E remove() {
        return removeFirst();
    }

    @Override
    public E poll() {
        return pollFirst();
    }

    @Override
    public E pop() {
        return removeFirst();
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

    @Override
    public E take() throws InterruptedException {
        return takeFirst();
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

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        return pollFirst(timeout, unit);
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
        long deadline = System.nanoTime() + nanos;
        while (true) {
            long left = deadline - System.nanoTime();
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
        KeyValue<byte[], byte[]> popped = call(() -> head
                ? redis().blpop(seconds, rawKey())
                : redis().brpop(seconds, rawKey()));
        return popped == null ? null : decode(popped.getValue());
    }

    @Override
    public boolean removeFirstOccurrence(Object o) {
        byte[] encoded = encodeForLookup(o);
        return encoded != null && call(() -> redis().lrem(rawKey(), 1, encoded)) > 0;
    }

    @Override
    public boolean removeLastOccurrence(Object o) {
        byte[] encoded = encodeForLookup(o);
        return encoded != null && call(() -> redis().lrem(rawKey(), -1, encoded)) > 0;
    }

    @Override
    public boolean remove(Object o) {
        return removeFirstOccurrence(o);
    }

    /** Removes every element equal to one in {@code c}: one script. */
    @Override
    public boolean removeAll(Collection<?> c) {
        return filter("drop", c);
    }

    /** Keeps only elements equal to one in {@code c}: one script that rewrites the list atomically. */
    @Override
    public boolean retainAll(Collection<?> c) {
        return filter("keep", c);
    }

    private boolean filter(String mode, Collection<?> c) {
        Objects.requireNonNull(c, "c");
        List<byte[]> args = new ArrayList<>(c.size() + 1);
        args.add(mode.getBytes(StandardCharsets.US_ASCII));
        for (Object o : c) {
            byte[] encoded = encodeForLookup(o);
            if (encoded != null) {
                args.add(encoded);
            }
        }
        if (args.size() == 1 && mode.equals("drop")) {
            return false;
        }
        return (Long) call(() -> FILTER.run(redis(), List.of(rawKey()), args)) > 0;
    }

    /** Deletes the key (UNLINK). */
    @Override
    public void clear() {
        redis().unlink(rawKey());
    }

    @Override
    public int drainTo(Collection<? super E> c) {
        return drainTo(c, Integer.MAX_VALUE);
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
            List<byte[]> popped = call(() -> redis().lpop(rawKey(), count));
            if (popped == null || popped.isEmpty()) {
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

    @Override
    public E peekFirst() {
        return decodeOrNull(call(() -> redis().lindex(rawKey(), 0)));
    }

    @Override
    public E peekLast() {
        return decodeOrNull(call(() -> redis().lindex(rawKey(), -1)));
    }

    @Override
    public E getFirst() {
        return orThrow(peekFirst());
    }

    @Override
    public E getLast() {
        return orThrow(peekLast());
    }

    @Override
    public E element() {
        return getFirst();
    }

    @Override
    public E peek() {
        return peekFirst();
    }

    /** LPOS: one round trip. */
    @Override
    public boolean contains(Object o) {
        byte[] encoded = encodeForLookup(o);
        return encoded != null && call(() -> redis().lpos(rawKey(), encoded)) != null;
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
        return args.isEmpty() || (Long) call(() -> CONTAINS_ALL.run(redis(), List.of(rawKey()), args)) == 1L;
    }

    /** LLEN (saturating at {@link Integer#MAX_VALUE}). */
    @Override
    public int size() {
        return (int) Math.min(Integer.MAX_VALUE, call(() -> redis().llen(rawKey())));
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
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

    @Override
    public Object[] toArray() {
        return toList().toArray();
    }

    @Override
    public <T> T[] toArray(T[] a) {
        return toList().toArray(a);
    }

    /** Same client and key: deques compare by identity of storage, never by content. */
    @Override
    public boolean equals(Object o) {
        return o == this || sameKeyAs(o) && o instanceof RedisDeque;
    }

    @Override
    public int hashCode() {
        return key().hashCode();
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

    // ---------------------------------------------------------------- helpers for DequeIterator

    List<byte[]> range(long start, long stop) {
        return call(() -> redis().lrange(rawKey(), start, stop));
    }

    void removeAt(long index, byte[] expected, boolean fromTail) {
        byte[] marker = ("pottery:removed:" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
        byte[] count = fromTail ? ascii(-1) : ascii(1);
        call(() -> REMOVE_AT.run(redis(), List.of(rawKey()), List.of(ascii(index), expected, marker, count)));
    }

    E decode(byte[] bytes) {
        return codec.decode(bytes, key());
    }

    // ---------------------------------------------------------------- private helpers

    private <T> T call(java.util.function.Supplier<T> command) {
        return TypedAccess.call(this, "list", command);
    }

    private byte[] encode(E e) {
        return TypedAccess.encode(this, codec, e);
    }

    /** The encoding of an object being looked up, or null when it cannot be one of our elements. */
    @SuppressWarnings("unchecked")
    private byte[] encodeForLookup(Object o) {
        if (o == null) {
            return null;
        }
        try {
            return codec.encode((E) o);
        } catch (RuntimeException notOurs) {
            return null; // as pottery: a value the codec cannot encode is simply not present
        }
    }

    private E decodeOrNull(byte[] bytes) {
        return bytes == null ? null : decode(bytes);
    }

    private static <T> T orThrow(T e) {
        if (e == null) {
            throw new NoSuchElementException("the deque is empty");
        }
        return e;
    }

    private static byte[] ascii(long n) {
        return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Builds a {@link RedisDeque} with a codec, a maximum length, a key and optionally initial data.
     *
     * <pre>{@code
     * RedisDeque<Order> orders = RedisDeque.builder(redis).codec(JsonCodec.of(Order.class))
     *         .key("orders").maxlen(1000).build();
     * }</pre>
     *
     * @param <E> the type of elements
     */
    public static final class Builder<E> {
        private final UnifiedJedis redis;
        private final Codec<E> codec;
        private String key;
        private int maxlen = UNBOUNDED;

        private Builder(UnifiedJedis redis, Codec<E> codec) {
            this.redis = Objects.requireNonNull(redis, "redis");
            this.codec = codec;
        }

        /** The Redis key; without one, a random temporary key is used. */
        public Builder<E> key(String key) {
            this.key = key;
            return this;
        }

        /** The codec of elements (default: {@link JsonCodec#natural()}). */
        public <F> Builder<F> codec(Codec<F> codec) {
            Builder<F> next = new Builder<>(redis, Objects.requireNonNull(codec, "codec"));
            next.key = key;
            next.maxlen = maxlen;
            return next;
        }

        /**
         * The maximum length: adding beyond it drops elements from the far end, as pottery does.
         *
         * @throws IllegalArgumentException if negative (pottery accepted it; Python's deque does not)
         */
        public Builder<E> maxlen(int maxlen) {
            if (maxlen < 0) {
                throw new IllegalArgumentException("maxlen must be >= 0, not " + maxlen);
            }
            this.maxlen = maxlen;
            return this;
        }

        /**
         * Opens the deque.
         *
         * @throws IllegalStateException if bounded and the existing list is already longer than maxlen
         */
        public RedisDeque<E> build() {
            RedisDeque<E> deque = new RedisDeque<>(redis, key, codec, maxlen);
            deque.checkPersistentLength();
            return deque;
        }

        /**
         * Creates the deque holding {@code initial} (only its last {@code maxlen} when bounded), atomically.
         *
         * @throws KeyExistsException if {@code initial} is not empty and the key already exists
         */
        public RedisDeque<E> buildWith(Collection<? extends E> initial) {
            RedisDeque<E> deque = new RedisDeque<>(redis, key, codec, maxlen);
            deque.create(initial);
            return deque;
        }
    }
}
