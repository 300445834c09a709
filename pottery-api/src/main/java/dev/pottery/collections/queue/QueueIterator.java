package dev.pottery.collections.queue;

import dev.pottery.PotteryException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A weakly consistent iterator over a {@link RedisQueue}: XRANGE pages, each starting just after the
 * last entry ID seen, so entries added or taken meanwhile never make it skip or repeat one.
 */
final class QueueIterator<E> implements Iterator<E> {

    private final RedisQueue<E> queue;
    private List<Object> page = List.of();
    private int inPage;
    private byte[] start = {'-'};
    private boolean exhausted;
    private byte[] lastId;

    QueueIterator(RedisQueue<E> queue) {
        this.queue = queue;
    }

    @Override
    public boolean hasNext() {
        if (inPage < page.size()) {
            return true;
        }
        if (exhausted) {
            return false;
        }
        page = queue.commands().range(start, RedisQueue.PAGE);
        inPage = 0;
        exhausted = page.size() < RedisQueue.PAGE;
        if (!page.isEmpty()) {
            byte[] id = entryId(page.get(page.size() - 1));
            start = exclusive(id); // "(id": strictly after, Redis 6.2+
        }
        return !page.isEmpty();
    }

    @Override
    public E next() {
        return queue.decode(nextRaw());
    }

    /** The next entry's encoded item, without decoding it. */
    byte[] nextRaw() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Object entry = page.get(inPage++);
        lastId = entryId(entry);
        return item(queue.key(), entry);
    }

    /** XDELs the entry last returned. */
    @Override
    public void remove() {
        if (lastId == null) {
            throw new IllegalStateException("next() has not been called, or remove() was already called");
        }
        queue.commands().delete(lastId);
        lastId = null;
    }

    private static byte[] entryId(Object entry) {
        return (byte[]) ((List<?>) entry).get(0);
    }

    private static byte[] exclusive(byte[] id) {
        byte[] out = Arrays.copyOf(new byte[] {'('}, id.length + 1);
        System.arraycopy(id, 0, out, 1, id.length);
        return out;
    }

    /** The {@code item} field of a raw XRANGE entry {@code [id, [field, value, ...]]}. */
    static byte[] item(String key, Object entry) {
        List<?> fields = (List<?>) ((List<?>) entry).get(1);
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            if (Arrays.equals((byte[]) fields.get(i), "item".getBytes(StandardCharsets.US_ASCII))) {
                return (byte[]) fields.get(i + 1);
            }
        }
        throw new PotteryException("stream entry " + new String(entryId(entry), StandardCharsets.US_ASCII)
                + " has no 'item' field, so it was not written by a pottery queue", key);
    }
}
