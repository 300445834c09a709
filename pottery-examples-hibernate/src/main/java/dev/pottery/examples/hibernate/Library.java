package dev.pottery.examples.hibernate;

import java.util.Properties;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * Builds the example's {@link SessionFactory}: H2 for the data, and the second-level cache in Redis through
 * hibernate-jcache and Pottery. The cache settings are all Hibernate properties:
 *
 * <pre>{@code
 * hibernate.cache.use_second_level_cache = true
 * hibernate.cache.use_query_cache        = true
 * hibernate.cache.region.factory_class   = jcache
 * hibernate.javax.cache.provider         = dev.pottery.jcache.spi.PotteryCachingProvider
 * hibernate.javax.cache.uri              = pottery-hibernate.properties
 * hibernate.javax.cache.missing_cache_strategy = create
 *
 * SessionFactory factory = Library.sessionFactory("jdbc:h2:mem:library;DB_CLOSE_DELAY=-1",
 *         "pottery-hibernate.properties", true);
 * }</pre>
 *
 * <p>{@code missing_cache_strategy = create} lets Hibernate create the regions the configuration file does
 * not list (here the query-results and update-timestamps regions) as plain eternal caches.
 */
public final class Library {

    private Library() {
    }

    /**
     * A session factory on {@code jdbcUrl} whose cache manager is the Pottery configuration file
     * {@code cacheUri} (a class path resource name or a URL); {@code createSchema} drops and creates the tables.
     */
    public static SessionFactory sessionFactory(String jdbcUrl, String cacheUri, boolean createSchema) {
        Properties settings = new Properties();
        settings.setProperty("hibernate.connection.url", jdbcUrl);
        settings.setProperty("hibernate.connection.username", "sa");
        settings.setProperty("hibernate.connection.pool_size", "4");
        settings.setProperty("hibernate.hbm2ddl.auto", createSchema ? "create-drop" : "none");
        settings.setProperty("hibernate.cache.use_second_level_cache", "true");
        settings.setProperty("hibernate.cache.use_query_cache", "true");
        settings.setProperty("hibernate.cache.region.factory_class", "jcache");
        settings.setProperty("hibernate.javax.cache.provider", "dev.pottery.jcache.spi.PotteryCachingProvider");
        settings.setProperty("hibernate.javax.cache.uri", cacheUri);
        settings.setProperty("hibernate.javax.cache.missing_cache_strategy", "create");
        settings.setProperty("hibernate.generate_statistics", "true");
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        try {
            return new MetadataSources(registry)
                    .addAnnotatedClass(Author.class)
                    .addAnnotatedClass(Book.class)
                    .buildMetadata()
                    .buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }
}
