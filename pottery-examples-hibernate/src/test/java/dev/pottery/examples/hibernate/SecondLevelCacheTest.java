package dev.pottery.examples.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.cache.Caching;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** Hibernate 6's second-level cache in a real redis-server, through hibernate-jcache and Pottery. */
@RedisServers
class SecondLevelCacheTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String PROVIDER = "dev.pottery.jcache.spi.PotteryCachingProvider";
    private static final String BOOKS_QUERY = "from Book b where b.author.id = :author order by b.id";

    private String jdbcUrl;
    private SessionFactory first;
    private SessionFactory second;

    @BeforeEach
    void open(RedisServer server) {
        // pottery-hibernate.properties reads ${REDIS_URL:...}: a system property comes before the environment
        System.setProperty("REDIS_URL", server.uri().toString());
        jdbcUrl = "jdbc:h2:mem:library-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        first = Library.sessionFactory(jdbcUrl, "pottery-hibernate.properties", true);
        inTransaction(first, session -> {
            Author frank = new Author(1L, "Frank Herbert");
            session.persist(frank);
            session.persist(new Book(10L, "Dune", frank));
            session.persist(new Book(11L, "Dune Messiah", frank));
        });
        first.getStatistics().clear();
    }

    @AfterEach
    void close() {
        if (second != null) {
            second.close();
        }
        first.close();
        Caching.getCachingProvider(PROVIDER).close();
        System.clearProperty("REDIS_URL");
    }

    @Test
    void anEntityComesFromRedisAfterTheSessionIsCleared(UnifiedJedis redis) {
        Statistics stats = first.getStatistics();

        String name = nameIn(first);

        assertThat(name).isEqualTo("Frank Herbert");
        assertThat(stats.getDomainDataRegionStatistics("authors").getHitCount()).isEqualTo(1);
        assertThat(stats.getPrepareStatementCount()).isZero();
        assertThat(redis.hlen("{pottery:jcache:library:authors}:entries")).isEqualTo(1);
        assertThat(redis.hlen("{pottery:jcache:library:books}:entries")).isEqualTo(2);
    }

    @Test
    void aCollectionIsCachedOnceLoaded() {
        Statistics stats = first.getStatistics();
        int size = inSession(first, session -> session.find(Author.class, 1L).getBooks().size());
        assertThat(size).isEqualTo(2);
        assertThat(stats.getDomainDataRegionStatistics("author-books").getMissCount()).isEqualTo(1);
        long statements = stats.getPrepareStatementCount();

        List<String> titles = inSession(first, session ->
                session.find(Author.class, 1L).getBooks().stream().map(Book::getTitle).sorted().toList());

        assertThat(titles).containsExactly("Dune", "Dune Messiah");
        assertThat(stats.getDomainDataRegionStatistics("author-books").getHitCount()).isEqualTo(1);
        assertThat(stats.getPrepareStatementCount()).isEqualTo(statements);
    }

    @Test
    void aCacheableQueryIsAnsweredFromRedisInTheNextSession() {
        Statistics stats = first.getStatistics();
        assertThat(titles(first)).containsExactly("Dune", "Dune Messiah");
        assertThat(stats.getQueryCacheMissCount()).isEqualTo(1);

        assertThat(titles(first)).containsExactly("Dune", "Dune Messiah");

        assertThat(stats.getQueryCacheHitCount()).isEqualTo(1);
    }

    @Test
    void anUpdateReplacesTheCachedEntityAndInvalidatesCachedQueries() {
        Statistics stats = first.getStatistics();
        assertThat(titles(first)).hasSize(2);
        inTransaction(first, session -> session.find(Author.class, 1L).setName("F. Herbert"));
        inTransaction(first, session -> session.persist(new Book(12L, "Children of Dune",
                session.find(Author.class, 1L))));
        long hits = stats.getDomainDataRegionStatistics("authors").getHitCount();

        assertThat(nameIn(first)).isEqualTo("F. Herbert");
        assertThat(stats.getDomainDataRegionStatistics("authors").getHitCount()).isEqualTo(hits + 1);
        assertThat(titles(first)).containsExactly("Dune", "Dune Messiah", "Children of Dune");
        assertThat(stats.getQueryCacheHitCount()).isZero();
    }

    @Test
    void twoSessionFactoriesOnOneRedisSeeEachOthersChanges() {
        // Same file, another manager URI (the fragment): a second, independent cache manager and connection
        // pool, as a second application would have. Same H2 database, same Redis namespace.
        String sameFile = getClass().getClassLoader().getResource("pottery-hibernate.properties") + "#second";
        second = Library.sessionFactory(jdbcUrl, sameFile, false);
        Statistics secondStats = second.getStatistics();

        // the first factory's inserts are in Redis: the second reads the author without touching the database
        assertThat(nameIn(second)).isEqualTo("Frank Herbert");
        assertThat(secondStats.getDomainDataRegionStatistics("authors").getHitCount()).isEqualTo(1);
        assertThat(secondStats.getPrepareStatementCount()).isZero();
        assertThat(titles(second)).hasSize(2);
        assertThat(titles(second)).hasSize(2);
        assertThat(secondStats.getQueryCacheHitCount()).isEqualTo(1);

        // an update through the first is what the second reads next, from the cache
        inTransaction(first, session -> session.find(Author.class, 1L).setName("F. Herbert"));
        long hits = secondStats.getDomainDataRegionStatistics("authors").getHitCount();
        long statements = secondStats.getPrepareStatementCount();
        assertThat(nameIn(second)).isEqualTo("F. Herbert");
        assertThat(secondStats.getDomainDataRegionStatistics("authors").getHitCount()).isEqualTo(hits + 1);
        assertThat(secondStats.getPrepareStatementCount()).isEqualTo(statements);

        // an insert through the first invalidates the second's cached query (shared update timestamps)
        inTransaction(first, session -> session.persist(new Book(12L, "Children of Dune",
                session.find(Author.class, 1L))));
        assertThat(titles(second)).containsExactly("Dune", "Dune Messiah", "Children of Dune");
        assertThat(secondStats.getQueryCacheHitCount()).isEqualTo(1);
        assertThat(secondStats.getQueryCacheMissCount()).isEqualTo(2);
    }

    private static String nameIn(SessionFactory factory) {
        return inSession(factory, session -> session.find(Author.class, 1L).getName());
    }

    private static List<String> titles(SessionFactory factory) {
        return inSession(factory, session -> session.createQuery(BOOKS_QUERY, Book.class)
                .setParameter("author", 1L)
                .setCacheable(true)
                .getResultList().stream().map(Book::getTitle).toList());
    }

    private static <T> T inSession(SessionFactory factory, Function<Session, T> work) {
        try (Session session = factory.openSession()) {
            return work.apply(session);
        }
    }

    private static void inTransaction(SessionFactory factory, Consumer<Session> work) {
        factory.inTransaction(work);
    }
}
