package dev.pottery.smoke;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * A cached service: the greeting for a name is made once, then read from the Redis cache "greetings".
 *
 * <pre>{@code
 * greeter.greet("Ada");     // made, cached in Redis
 * greeter.greet("Ada");     // from Redis
 * }</pre>
 */
@Service
public class Greeter {

    private final AtomicInteger made = new AtomicInteger();

    /** The greeting for {@code name}. */
    @Cacheable("greetings")
    public Greeting greet(String name) {
        made.incrementAndGet();
        return new Greeting("Hello, " + name + "!");
    }

    /** How many greetings were made, not read from the cache. */
    public int made() {
        return made.get();
    }

    /**
     * A greeting (Serializable: the default codec is Java serialization).
     *
     * @param text the text
     */
    public record Greeting(String text) implements Serializable {
    }
}
