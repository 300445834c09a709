package dev.pottery.collections.counter;

import dev.pottery.internal.ElementCodec;
import dev.pottery.internal.ScanIterator;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The reads of {@link RedisCounter} that stream its hash with HSCAN, page by page, rather than copy it:
 * the {@code n} most common elements (keeping only {@code n} entries) and Python's {@code elements()}.
 * An element whose field does not decode throws when reached; {@code elements()} then goes on past it.
 */
final class CounterScans<E> {

    private final CounterCommands commands;
    private final ElementCodec<E> elements;
    private final Counts<E> counts;

    CounterScans(CounterCommands commands, ElementCodec<E> elements, Counts<E> counts) {
        this.commands = commands;
        this.elements = elements;
        this.counts = counts;
    }

    /** The {@code n} highest counts, highest first; ties in scan order (insertion into a list of at most n). */
    List<Map.Entry<E, Long>> mostCommon(int n) {
        List<Map.Entry<byte[], Long>> top = new ArrayList<>();
        Iterator<Map.Entry<byte[], byte[]>> scan = scan();
        while (scan.hasNext() && n > 0) {
            Map.Entry<byte[], byte[]> raw = scan.next();
            long count = counts.exact(raw.getKey(), raw.getValue());
            int at = top.size();
            while (at > 0 && top.get(at - 1).getValue() < count) {
                at--;
            }
            if (at < n) {
                top.add(at, Map.entry(raw.getKey(), count));
                if (top.size() > n) {
                    top.remove(top.size() - 1);
                }
            }
        }
        List<Map.Entry<E, Long>> out = new ArrayList<>(top.size());
        for (Map.Entry<byte[], Long> e : top) {
            out.add(new SimpleImmutableEntry<>(elements.decode(e.getKey()), e.getValue()));
        }
        return out;
    }

    /** Each element repeated as many times as its count; counts below one are left out. */
    Iterator<E> elements() {
        Iterator<Map.Entry<byte[], byte[]>> scan = scan();
        return new Iterator<>() {
            private E current;
            private long left;

            @Override
            public boolean hasNext() {
                while (left <= 0 && scan.hasNext()) {
                    Map.Entry<byte[], byte[]> raw = scan.next();
                    long count = counts.exact(raw.getKey(), raw.getValue());
                    if (count > 0) {
                        current = elements.decode(raw.getKey()); // may throw: then this element is skipped
                        left = count;
                    }
                }
                return left > 0;
            }

            @Override
            public E next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                left--;
                return current;
            }
        };
    }

    private Iterator<Map.Entry<byte[], byte[]>> scan() {
        return ScanIterator.readOnly(commands::scan, raw -> raw);
    }
}
