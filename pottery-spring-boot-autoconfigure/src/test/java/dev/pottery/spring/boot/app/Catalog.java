package dev.pottery.spring.boot.app;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/** Cached methods on three caches, each counting the calls that reached it. */
@Service
public class Catalog {

    private final AtomicInteger lookups = new AtomicInteger();

    /** A book, cached in "books". */
    @Cacheable("books")
    public Book book(String isbn) {
        lookups.incrementAndGet();
        return isbn.equals("missing") ? null : new Book(isbn, "Title of " + isbn, List.of("Ann", "Bo"));
    }

    /** Several books: a list of records, cached in "shelves". */
    @Cacheable("shelves")
    public List<Book> shelf(String name) {
        lookups.incrementAndGet();
        return List.of(new Book("1", name + " one", List.of()), new Book("2", name + " two", List.of("Cy")));
    }

    /** A price, cached in "rates" (its own expiry). */
    @Cacheable("rates")
    public BigDecimal rate(String currency) {
        lookups.incrementAndGet();
        return new BigDecimal("1.25");
    }

    /** Replaces a cached book. */
    @CachePut(cacheNames = "books", key = "#book.isbn()")
    public Book save(Book book) {
        return book;
    }

    /** Evicts a cached book. */
    @CacheEvict("books")
    public void forget(String isbn) {
    }

    /** How many calls reached the methods. */
    public int lookups() {
        return lookups.get();
    }
}
