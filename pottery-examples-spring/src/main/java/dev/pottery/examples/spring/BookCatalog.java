package dev.pottery.examples.spring;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * The cached service: plain Spring cache annotations on the cache "books", which Pottery keeps in Redis, so
 * every instance of the application shares it.
 *
 * <pre>{@code
 * Book dune = catalog.find("978-0441013593");      // first call anywhere: a lookup, then cached in Redis
 * catalog.save(new Book("978-0441013593", "Dune (new edition)"));   // store and refresh the cache
 * catalog.remove("978-0441013593");                // delete and evict, for every instance
 * }</pre>
 */
@Service
public class BookCatalog {

    private final BookStore store;

    /** A catalog over the store. */
    public BookCatalog(BookStore store) {
        this.store = store;
    }

    /** The book with this ISBN, from the cache when any instance has looked it up before. */
    @Cacheable("books")
    public Book find(String isbn) {
        return store.load(isbn);
    }

    /** Saves a book and puts it in the cache. */
    @CachePut(cacheNames = "books", key = "#book.isbn()")
    public Book save(Book book) {
        store.store(book);
        return book;
    }

    /** Deletes a book and evicts it from the cache. */
    @CacheEvict("books")
    public void remove(String isbn) {
        store.delete(isbn);
    }
}
