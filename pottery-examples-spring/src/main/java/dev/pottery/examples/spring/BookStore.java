package dev.pottery.examples.spring;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The slow system of record the cache sits in front of (here a map), counting how often it is asked, so that
 * the example and its test can tell a cache hit from a lookup.
 *
 * <pre>{@code
 * Book book = store.load("978-0441013593");
 * int asked = store.lookups();
 * }</pre>
 */
@Component
public class BookStore {

    private final Map<String, String> titles = new ConcurrentHashMap<>(Map.of(
            "978-0441013593", "Dune",
            "978-0345391803", "The Hitchhiker's Guide to the Galaxy"));
    private final AtomicInteger lookups = new AtomicInteger();

    /** Looks a book up (the expensive call the cache saves); null if there is none. */
    public Book load(String isbn) {
        lookups.incrementAndGet();
        String title = titles.get(isbn);
        return title == null ? null : new Book(isbn, title);
    }

    /** Stores a book. */
    public void store(Book book) {
        titles.put(book.isbn(), book.title());
    }

    /** Removes a book. */
    public void delete(String isbn) {
        titles.remove(isbn);
    }

    /** How many times {@link #load} ran in this application instance. */
    public int lookups() {
        return lookups.get();
    }
}
