package dev.pottery.examples.spring;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The second application instance of {@link SharedCacheApplicationTest}, run in its own JVM: boots the same
 * application, reads a book the first instance cached, updates one and evicts another.
 */
public final class SecondInstance {

    private SecondInstance() {
    }

    /** Runs against the Redis in the system property REDIS_URL. */
    public static void main(String[] args) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BookApplication.class).run()) {
            BookCatalog catalog = app.getBean(BookCatalog.class);
            BookStore store = app.getBean(BookStore.class);
            Book dune = catalog.find(SharedCacheApplicationTest.DUNE);
            System.out.println("found " + dune.title() + " after " + store.lookups() + " lookups");
            catalog.save(new Book(SharedCacheApplicationTest.DUNE, "Dune (saved by the second instance)"));
            catalog.remove(SharedCacheApplicationTest.HITCHHIKER);
        }
    }
}
