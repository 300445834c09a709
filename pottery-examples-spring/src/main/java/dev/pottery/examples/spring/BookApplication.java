package dev.pottery.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;

/**
 * The example application: {@code @EnableCaching} and pottery-spring-boot-starter; in
 * {@code application.properties} the Redis address ({@code spring.data.redis.url}) and a few
 * {@code pottery.cache.*} settings. No Pottery-specific code.
 *
 * <pre>{@code
 * REDIS_URL=redis://cache-host:6379 java -cp ... dev.pottery.examples.spring.BookApplication
 * }</pre>
 */
@SpringBootApplication
@EnableCaching
public class BookApplication {

    /** Starts the application. */
    public static void main(String[] args) {
        SpringApplication.run(BookApplication.class, args);
    }
}
