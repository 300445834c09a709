package dev.pottery.spring.boot.app;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * Cached methods whose entries hold Spring's own cache classes: a {@code null} or empty {@code Optional} result
 * (Spring's {@code NullValue}) and the key of a method with two parameters (Spring's {@code SimpleKey}). Each
 * counts the calls that reached it.
 */
@Service
public class Ledger {

    private final AtomicInteger lookups = new AtomicInteger();

    /** No owner for any account: {@code null}, cached in "owners". */
    @Cacheable("owners")
    public String owner(String account) {
        lookups.incrementAndGet();
        return null;
    }

    /** No overdraft for any account: an empty {@code Optional}, cached in "overdrafts". */
    @Cacheable("overdrafts")
    public Optional<BigDecimal> overdraft(String account) {
        lookups.incrementAndGet();
        return Optional.empty();
    }

    /** A balance by account and year: two parameters, so the key is a {@code SimpleKey}, cached in "balances". */
    @Cacheable("balances")
    public BigDecimal balance(String account, int year) {
        lookups.incrementAndGet();
        return new BigDecimal(year).movePointLeft(2);
    }

    /** Empties "balances" (reads back every key, to remove each entry). */
    @CacheEvict(cacheNames = "balances", allEntries = true)
    public void closeBooks() {
    }

    /** No auditor for any account: {@code null}, loaded once under {@code sync = true}, cached in "auditors". */
    @Cacheable(cacheNames = "auditors", sync = true)
    public String auditor(String account) {
        lookups.incrementAndGet();
        return null;
    }

    /** How many calls reached the methods. */
    public int lookups() {
        return lookups.get();
    }
}
