package dev.pottery.collections;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Walks a {@link RedisCounter}'s hash with HSCAN, one page per round trip, so that
 * {@code mostCommon(n)} and {@code elements()} never hold the whole hash. As every SCAN, an element
 * present throughout is returned at least once; one changed meanwhile may or may not be.
 */
final class CounterScan implements Iterator<Map.Entry<byte[], byte[]>> {

    private final Function<byte[], ScanResult<Map.Entry<byte[], byte[]>>> hscan;
    private byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
    private List<Map.Entry<byte[], byte[]>> page = List.of();
    private int inPage;
    private boolean done;

    /** {@code hscan} runs one HSCAN from the given cursor. */
    CounterScan(Function<byte[], ScanResult<Map.Entry<byte[], byte[]>>> hscan) {
        this.hscan = hscan;
    }

    @Override
    public boolean hasNext() {
        while (inPage >= page.size() && !done) {
            ScanResult<Map.Entry<byte[], byte[]>> result = hscan.apply(cursor);
            page = result.getResult();
            inPage = 0;
            cursor = result.getCursorAsBytes();
            done = Arrays.equals(cursor, ScanParams.SCAN_POINTER_START_BINARY);
        }
        return inPage < page.size();
    }

    @Override
    public Map.Entry<byte[], byte[]> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.get(inPage++);
    }
}
