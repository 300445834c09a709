package dev.pottery.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;

/**
 * The example application: {@code @EnableCaching}, and in {@code application.properties} Spring's JCache
 * support pointed at Pottery's provider and configuration file. Nothing else is Pottery-specific.
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
