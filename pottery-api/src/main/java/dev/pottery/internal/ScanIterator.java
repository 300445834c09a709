package dev.pottery.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Function;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Streams a hash or a set page by page with an HSCAN/SSCAN cursor, so a large collection is never held
 * in memory at once, and supports {@link #remove()} of the item last returned: the one walker behind
 * {@code RedisMap}'s views, {@code RedisSet}'s iterator and {@code RedisCounter}'s scans.
 *
 * <p>The iterator is weakly consistent, as Redis's SCAN guarantees: every item present for the whole
 * iteration is returned; items added or removed meanwhile may or may not be; and while Redis resizes a
 * large hash table an item may rarely be returned twice. When {@code decode} fails on an item (bytes the
 * codec cannot read), {@link #next()} throws and the walk stays after that item: the caller may catch
 * the exception and go on with the rest.
 *
 * @param <R> the raw reply item (a field/value pair or a member)
 * @param <T> what the iterator yields
 */
public final class ScanIterator<R, T> implements Iterator<T> {

    /** Items asked per SCAN call: large enough to amortise the round trip, small enough to stream. */
    public static final int PAGE = 256;

    private final Function<byte[], ScanResult<R>> scan;
    private final Function<R, T> decode;
    private final Consumer<R> remover;
    private final Deque<R> page = new ArrayDeque<>();
    private byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
    private boolean finished;
    private R last;

    /**
     * @param scan one SCAN call from a cursor (see {@link #params()})
     * @param decode turns a raw item into the yielded value
     * @param remover deletes a raw item from Redis
     */
    public ScanIterator(Function<byte[], ScanResult<R>> scan, Function<R, T> decode, Consumer<R> remover) {
        this.scan = scan;
        this.decode = decode;
        this.remover = remover;
    }

    /** A walk without {@code remove()}. */
    public static <R, T> ScanIterator<R, T> readOnly(Function<byte[], ScanResult<R>> scan, Function<R, T> decode) {
        return new ScanIterator<>(scan, decode, raw -> {
            throw new UnsupportedOperationException("remove");
        });
    }

    /** The SCAN parameters of every walk: a page size hint and no pattern. */
    public static ScanParams params() {
        return new ScanParams().count(PAGE);
    }

    @Override
    public boolean hasNext() {
        // A SCAN page may legitimately be empty before the cursor ends, so keep asking.
        while (page.isEmpty() && !finished) {
            ScanResult<R> result = scan.apply(cursor);
            page.addAll(result.getResult());
            cursor = result.getCursorAsBytes();
            finished = result.isCompleteIteration();
        }
        return !page.isEmpty();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        last = page.removeFirst();
        return decode.apply(last);
    }

    @Override
    public void remove() {
        if (last == null) {
            throw new IllegalStateException("remove() needs a preceding next()");
        }
        remover.accept(last);
        last = null;
    }
}
