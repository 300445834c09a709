package dev.pottery.collections.queue;

import dev.pottery.NullElementException;
import dev.pottery.QueueEmptyException;
import dev.pottery.codec.CodecException;
import dev.pottery.internal.ElementCodec;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;

/**
 * What {@link RedisQueue} hands out from the head of its stream: the takes and peeks whose {@code null}
 * answer means "empty" refuse a Python None in place ({@link NullElementException}, in the take script
 * itself); the others return it as {@code null}. An item whose bytes do not decode has been taken when
 * that shows (a stream cannot take an entry back in its place: IDs only grow), so its
 * {@link CodecException} says so and carries the bytes.
 */
final class QueueHead<E> {

    private static final long MAX_WAIT_SLICE_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** An element taken, which may be a Python None ({@code null}). */
    private record Taken<E>(E value) {
    }

    private final QueueCommands commands;
    private final ElementCodec<E> elements;
    private final String key;
    /** The codec's encoding of null (a Python None), which a poll leaves in place; null if it has none. */
    private final byte[] none;

    QueueHead(QueueCommands commands, ElementCodec<E> elements, String key) {
        this.commands = commands;
        this.elements = elements;
        this.key = key;
        this.none = elements.nullBytes().orElse(null);
    }

    /** One script: the oldest element, or null when empty; a None stays and is refused. */
    E poll() {
        Taken<E> taken = takeOne(true);
        return taken == null ? null : taken.value();
    }

    /** {@link #poll}, waiting up to {@code nanos}; null if nothing could be taken in time. */
    E pollWithin(long nanos) throws InterruptedException {
        Taken<E> taken = takeWithin(nanos, true);
        return taken == null ? null : taken.value();
    }

    /** One script: the oldest element (a None is null), or NoSuchElementException when empty. */
    E remove() {
        Taken<E> taken = takeOne(false);
        if (taken == null) {
            throw new NoSuchElementException("the RedisQueue '" + key + "' is empty");
        }
        return taken.value();
    }

    /** Waits (XREAD BLOCK in slices of a second) until an element can be taken (a None is null). */
    E take() throws InterruptedException {
        return takeWithin(Long.MAX_VALUE, false).value();
    }

    /** Pottery's {@code get}: the oldest element (a None is null), waiting up to {@code nanos}. */
    E get(long nanos) throws InterruptedException {
        Taken<E> taken = takeWithin(nanos, false);
        if (taken == null) {
            throw new QueueEmptyException(key);
        }
        return taken.value();
    }

    /** Pottery's {@code get_nowait}: the oldest element (a None is null), without waiting. */
    E getNowait() {
        Taken<E> taken = takeOne(false);
        if (taken == null) {
            throw new QueueEmptyException(key);
        }
        return taken.value();
    }

    /** XRANGE COUNT 1: the oldest element, or null when empty; a None is refused. */
    E peek() {
        byte[] item = oldestItem();
        E e = item == null ? null : elements.decode(item);
        if (e == null && item != null) {
            throw AbstractRedisQueue.nullElement("RedisQueue", key, "peek", "the head of the stream");
        }
        return e;
    }

    /** XRANGE COUNT 1: the oldest element (a None is null), or NoSuchElementException when empty. */
    E element() {
        byte[] item = oldestItem();
        if (item == null) {
            throw new NoSuchElementException("the RedisQueue '" + key + "' is empty");
        }
        return elements.decode(item);
    }

    /**
     * One take script per page into {@code c}: every item of a page that decodes reaches {@code c},
     * then the first that does not is thrown (the others as suppressed); items {@code c} refuses are
     * appended to the stream again before its exception.
     */
    int drainTo(Collection<? super E> c, int maxElements, int page) {
        int moved = 0;
        while (moved < maxElements) {
            int count = Math.min(page, maxElements - moved);
            QueueCommands.Taken taken = commands.take(count, null);
            moved += deliver(taken, c);
            if (taken.items().size() < count) {
                break;
            }
        }
        return moved;
    }

    private int deliver(QueueCommands.Taken taken, Collection<? super E> c) {
        CodecException bad = null;
        int delivered = 0;
        for (int i = 0; i < taken.items().size(); i++) {
            E value;
            try {
                value = decodeTaken(taken, i);
            } catch (CodecException e) {
                if (bad == null) {
                    bad = e;
                } else {
                    bad.addSuppressed(e);
                }
                continue;
            }
            try {
                c.add(value);
            } catch (RuntimeException refused) {
                commands.addAll(false, taken.items().subList(i, taken.items().size()));
                throw refused;
            }
            delivered++;
        }
        if (bad != null) {
            throw bad;
        }
        return delivered;
    }

    /** The oldest element, or null when empty; {@code poll}: a None is refused, in place. */
    private Taken<E> takeOne(boolean poll) {
        QueueCommands.Taken taken = commands.take(1, poll ? none : null);
        if (taken.held()) {
            throw AbstractRedisQueue.nullElement("RedisQueue", key, "poll", "the head of the stream");
        }
        if (taken.items().isEmpty()) {
            return null;
        }
        E value = decodeTaken(taken, 0);
        if (value == null && poll) { // bytes other than the codec's null that still decode to null
            commands.addAll(false, taken.items());
            throw AbstractRedisQueue.nullElement("RedisQueue", key, "poll", "the head of the stream (it was "
                    + "appended again at the tail: a stream cannot take it back in place)");
        }
        return new Taken<>(value);
    }

    /**
     * {@link #takeOne}, waiting up to {@code nanos} between tries with XREAD BLOCK, which only signals
     * that something arrived: a consumer that then loses the race to the take script waits again.
     */
    private Taken<E> takeWithin(long nanos, boolean poll) throws InterruptedException {
        long start = System.nanoTime(); // elapsed time, not a deadline: start + Long.MAX_VALUE would overflow
        while (true) {
            Taken<E> taken = takeOne(poll);
            if (taken != null) {
                return taken;
            }
            long left = nanos - (System.nanoTime() - start);
            if (left <= 0) {
                return null;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            // BLOCK 0 would mean "forever": wait at least one millisecond
            commands.awaitEntry(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(left, MAX_WAIT_SLICE_NANOS))));
        }
    }

    private E decodeTaken(QueueCommands.Taken taken, int i) {
        try {
            return elements.decode(taken.items().get(i));
        } catch (CodecException e) {
            throw e.withNote("entry " + new String(taken.ids().get(i), StandardCharsets.US_ASCII) + " was taken from "
                    + "the stream, which cannot take it back in place: its bytes are in this exception");
        }
    }

    private byte[] oldestItem() {
        List<Object> entries = commands.range(QueueCommands.ascii("-"), 1);
        return entries.isEmpty() ? null : QueueIterator.item(key, entries.get(0));
    }
}
