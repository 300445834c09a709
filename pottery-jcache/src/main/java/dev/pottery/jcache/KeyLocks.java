package dev.pottery.jcache;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.cache.CacheException;

/**
 * Serializes, inside this JVM, the operations of one cache that must not overlap on the same entry (writes of
 * a write-through cache, loads, entry processors): one fair lock per encoded key, made when first needed and
 * dropped when nobody holds or waits for it. Several keys are locked in one order (by their bytes), so two
 * batches never wait for each other in a cycle.
 *
 * <pre>{@code
 * try (KeyLocks.Held held = locks.lock(key, "key 'ada' of cache users")) {
 *     ... lease, writer, write-back ...
 * }
 * }</pre>
 */
final class KeyLocks {

    private final ConcurrentHashMap<EncodedKey, Node> nodes = new ConcurrentHashMap<>();
    private final long waitMillis;

    /** Locks that give up after {@code waitMillis} with a {@link LeaseTimeoutException}. */
    KeyLocks(long waitMillis) {
        this.waitMillis = waitMillis;
    }

    /** Locks one key; {@code what} names it in a timeout's message. */
    Held lock(byte[] key, String what) {
        EncodedKey id = new EncodedKey(key);
        Node node = nodes.compute(id, (k, n) -> (n == null ? new Node() : n).join());
        try {
            if (!node.lock.tryLock(waitMillis, TimeUnit.MILLISECONDS)) {
                leave(id, node);
                throw new LeaseTimeoutException("timed out after " + waitMillis + " ms waiting for " + what
                        + ": another thread of this JVM is still working on it");
            }
        } catch (InterruptedException e) {
            leave(id, node);
            Thread.currentThread().interrupt();
            throw new CacheException("interrupted while waiting for " + what, e);
        }
        return () -> {
            node.lock.unlock();
            leave(id, node);
        };
    }

    /** Locks several keys, in the order of their bytes; {@code what} names them in a timeout's message. */
    Held lockAll(List<byte[]> keys, String what) {
        TreeMap<byte[], byte[]> ordered = new TreeMap<>(Arrays::compare);
        keys.forEach(key -> ordered.put(key, key));
        List<Held> held = new ArrayList<>(ordered.size());
        try {
            for (byte[] key : ordered.keySet()) {
                held.add(lock(key, what));
            }
        } catch (RuntimeException e) {
            unlock(held);
            throw e;
        }
        return () -> unlock(held);
    }

    /** How many keys have a lock right now (for tests: locks do not pile up). */
    int size() {
        return nodes.size();
    }

    private static void unlock(List<Held> held) {
        for (int i = held.size() - 1; i >= 0; i--) {
            held.get(i).close();
        }
    }

    private void leave(EncodedKey id, Node node) {
        nodes.computeIfPresent(id, (k, n) -> n == node && --n.users == 0 ? null : n);
    }

    /** A held lock (or locks); {@link #close()} releases it. */
    @FunctionalInterface
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Node {
        final ReentrantLock lock = new ReentrantLock(true);
        int users;

        Node join() {
            users++;
            return this;
        }
    }

}
