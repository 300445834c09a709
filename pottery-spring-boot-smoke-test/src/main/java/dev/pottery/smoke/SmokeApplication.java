package dev.pottery.smoke;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;

/**
 * A new application on pottery-spring-boot-starter: {@code @EnableCaching}, and in
 * {@code application.properties} only {@code spring.data.redis.url}.
 *
 * <pre>{@code
 * REDIS_URL=redis://cache-host:6379 java -jar smoke.jar
 * }</pre>
 */
@SpringBootApplication
@EnableCaching
public class SmokeApplication {

    /** Starts the application. */
    public static void main(String[] args) {
        SpringApplication.run(SmokeApplication.class, args);
    }
}
