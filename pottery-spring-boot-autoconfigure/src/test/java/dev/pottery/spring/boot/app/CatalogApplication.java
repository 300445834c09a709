package dev.pottery.spring.boot.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;

/** The smallest application with caching: {@code @EnableCaching} and a Redis address, nothing else. */
@SpringBootApplication
@EnableCaching
public class CatalogApplication {
}
