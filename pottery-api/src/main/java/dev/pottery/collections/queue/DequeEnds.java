package dev.pottery.collections.queue;

import dev.pottery.NullElementException;
import dev.pottery.codec.CodecException;
import dev.pottery.internal.ElementCodec;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;

/**
 * What {@link RedisDeque} hands out from its two ends, and what it does with an element it cannot hand
 * out: the takes and peeks whose {@code null} answer means "empty" refuse a Python None in place
 * ({@link NullElementException}); the others return it as {@code null}; an element whose bytes do not
 * decode goes back to the end it came from before the {@link CodecException} is thrown.
 */
final class DequeEnds<E> {

    private static final long MAX_WAIT_SLICE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long MIN_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final DequeCommands commands;
    private final ElementCodec<E> elements;
    private final String key;
    /** The codec's encoding of null (a Python None), which the polls leave in place; null if it has none. */
    private final byte[] none;

    DequeEnds(DequeCommands commands, ElementCodec<E> elements, String key) {
        this.commands = commands;
        this.elements = elements;
        this.key = key;
        this.none = elements.nullBytes().orElse(null);
    }

    /** One script: the element at that end, or null when empty; a None stays and is refused. */
    E poll(boolean head) {
        DequeCommands.Pop pop = commands.popUnless(head, none);
        if (pop.held()) {
            throw refused(head ? "pollFirst" : "pollLast", head);
        }
        if (pop.element() == null) {
            return null;
        }
        E e = handOut(head, pop.element());
        if (e == null) { // bytes other than the codec's null that still decode to null
            commands.putBack(head, List.of(pop.element()));
            throw refused(head ? "pollFirst" : "pollLast", head);
        }
        return e;
    }

    /** {@link #poll}, waiting up to {@code nanos} with BLMOVE of the list onto itself between tries. */
    E pollWithin(boolean head, long nanos) throws InterruptedException {
        long start = System.nanoTime(); // elapsed time, not a deadline: start + Long.MAX_VALUE would overflow
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            E e = poll(head);
            long left = nanos - (System.nanoTime() - start);
            if (e != null || left < MIN_WAIT_NANOS) {
                return e;
            }
            // Redis reads a blocking timeout of 0 as "forever": never send less than a millisecond
            commands.awaitElement(head, Math.min(left, MAX_WAIT_SLICE_NANOS) / 1e9);
        }
    }

    /** LPOP/RPOP: the element at that end (a None is null), or NoSuchElementException when empty. */
    E remove(boolean head) {
        byte[] popped = commands.pop(head);
        if (popped == null) {
            throw empty();
        }
        return handOut(head, popped);
    }

    /** BLPOP/BRPOP in slices of a second, until an element comes (a None is null). */
    E take(boolean head) throws InterruptedException {
        while (true) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            byte[] popped = commands.blockingPop(head, MAX_WAIT_SLICE_NANOS / 1e9);
            if (popped != null) {
                return handOut(head, popped);
            }
        }
    }

    /** LINDEX: the element at that end, or null when empty; a None is refused. */
    E peek(boolean head) {
        byte[] bytes = commands.index(head ? 0 : -1);
        E e = bytes == null ? null : elements.decode(bytes);
        if (e == null && bytes != null) {
            throw refused(head ? "peekFirst" : "peekLast", head);
        }
        return e;
    }

    /** LINDEX: the element at that end (a None is null), or NoSuchElementException when empty. */
    E get(boolean head) {
        byte[] bytes = commands.index(head ? 0 : -1);
        if (bytes == null) {
            throw empty();
        }
        return elements.decode(bytes);
    }

    /**
     * LPOP with a count per page into {@code c}; an element that does not decode, or that {@code c}
     * refuses, goes back to the head with the rest of its page, in order, before the exception.
     */
    int drainTo(Collection<? super E> c, int maxElements, int page) {
        int moved = 0;
        while (moved < maxElements) {
            int count = Math.min(page, maxElements - moved);
            List<byte[]> popped = commands.popHead(count);
            for (int i = 0; i < popped.size(); i++) {
                try {
                    c.add(elements.decode(popped.get(i)));
                } catch (RuntimeException e) {
                    commands.putBack(true, popped.subList(i, popped.size()));
                    throw e instanceof CodecException codec ? codec.withNote("it was put back at the head") : e;
                }
                moved++;
            }
            if (popped.size() < count) {
                break;
            }
        }
        return moved;
    }

    /** The decoded element just taken from one end; if it does not decode, it goes back there first. */
    private E handOut(boolean head, byte[] taken) {
        try {
            return elements.decode(taken);
        } catch (CodecException e) {
            commands.putBack(head, List.of(taken));
            throw e.withNote("the element was put back at the " + (head ? "head" : "tail"));
        }
    }

    private NullElementException refused(String method, boolean head) {
        return AbstractRedisQueue.nullElement("RedisDeque", key, method, "the " + (head ? "head" : "tail"));
    }

    private NoSuchElementException empty() {
        return new NoSuchElementException("the RedisDeque '" + key + "' is empty");
    }
}
