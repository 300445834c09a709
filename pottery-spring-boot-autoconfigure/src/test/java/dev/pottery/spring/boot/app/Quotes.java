package dev.pottery.spring.boot.app;

import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheDefaults;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.CacheValue;
import org.springframework.stereotype.Service;

/** The JSR-107 annotations on a Spring bean: Spring's own JCache annotation support, on Pottery's caches. */
@Service
@CacheDefaults(cacheName = "quotes")
public class Quotes {

    private final AtomicInteger fetched = new AtomicInteger();

    /** A quote, cached (key: the symbol). */
    @CacheResult
    public String quote(String symbol) {
        fetched.incrementAndGet();
        return symbol + "=" + fetched.get();
    }

    /** Puts a quote in the cache. */
    @CachePut
    public void publish(@CacheKey String symbol, @CacheValue String quote) {
    }

    /** Removes a quote from the cache. */
    @CacheRemove
    public void withdraw(String symbol) {
    }

    /** Empties the cache. */
    @CacheRemoveAll
    public void withdrawAll() {
    }

    /** How many quotes were fetched, not read from the cache. */
    public int fetched() {
        return fetched.get();
    }
}
