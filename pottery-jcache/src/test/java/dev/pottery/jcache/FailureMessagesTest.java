package dev.pottery.jcache;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pottery.codec.SerializingCodec;
import dev.pottery.codec.StringCodec;
import dev.pottery.jcache.configuration.ManagerSettings;
import dev.pottery.jcache.configuration.PotteryConfiguration;
import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import java.io.Serializable;
import java.util.Collection;
import java.util.Map;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CacheWriterException;
import javax.cache.processor.EntryProcessorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** Every failure a user sees names the cache, the key (when it is a plain value) and the Redis server. */
@RedisServers
class FailureMessagesTest {

    private Managers managers;
    private String address;

    @BeforeEach
    void open(RedisServer server) {
        managers = new Managers(server);
        address = server.host() + ":" + server.port();
    }

    @AfterEach
    void close() {
        managers.close();
    }

    @Test
    void aServerThatIsDownIsReportedWithCacheKeyAndAddress(RedisServer server) {
        Cache<String, String> books = managers.open("down", ManagerSettings.TIMEOUT, "300")
                .createCache("books", new MutableConfiguration<String, String>());
        server.stop();

        assertThatThrownBy(() -> books.get("isbn-1"))
                .isInstanceOf(CacheException.class)
                .hasMessageContaining("key 'isbn-1' of cache books (Redis " + address + ")");
        assertThatThrownBy(() -> books.putAll(Map.of("isbn-2", "Dune")))
                .isInstanceOf(CacheException.class)
                .hasMessageContaining("cache books (Redis " + address + ")");
    }

    @Test
    void aKeyThatIsAnObjectIsShownByItsTypeNotItsContents(RedisServer server) {
        Cache<Customer, String> byCustomer = managers.open("private", ManagerSettings.TIMEOUT, "300")
                .createCache("orders", new MutableConfiguration<Customer, String>().setTypes(Customer.class, String.class));
        server.stop();

        assertThatThrownBy(() -> byCustomer.get(new Customer("ada@example.com")))
                .isInstanceOf(CacheException.class)
                .hasMessageContaining("a key of type " + Customer.class.getName() + " of cache orders (Redis "
                        + address + ")")
                .message().doesNotContain("ada@example.com");
    }

    @Test
    void aValueThatCannotBeReadNamesItsKey(UnifiedJedis redis) {
        PotteryConfiguration<String, String> config = new PotteryConfiguration<String, String>()
                .codecs(StringCodec.utf8(), SerializingCodec.create());
        Cache<String, String> cache = managers.open("corrupt").createCache("notes", config);
        redis.hset("{pottery:jcache:shared:notes}:entries", "k", "not java serialization");

        assertThatThrownBy(() -> cache.get("k"))
                .isInstanceOf(CacheException.class)
                .hasMessageContaining("cannot read the value of key 'k' in cache notes (Redis " + address + ")");
    }

    @Test
    void loaderWriterAndProcessorFailuresNameCacheAndKey() {
        Cache<String, String> cache = managers.open("integration").createCache("accounts",
                new MutableConfiguration<String, String>()
                        .setCacheLoaderFactory(FactoryBuilder.factoryOf(FailingLoader.class)).setReadThrough(true)
                        .setCacheWriterFactory(FactoryBuilder.factoryOf(FailingWriter.class)).setWriteThrough(true));
        String where = "cache accounts (Redis " + address + ")";

        assertThatThrownBy(() -> cache.get("acct-7"))
                .isInstanceOf(CacheLoaderException.class)
                .hasMessageContaining("failed to load key 'acct-7' of " + where);
        assertThatThrownBy(() -> cache.put("acct-8", "x"))
                .isInstanceOf(CacheWriterException.class)
                .hasMessageContaining("failed to write key 'acct-8' of " + where);
        assertThatThrownBy(() -> cache.invoke("acct-9", (entry, args) -> {
            throw new IllegalStateException("rule broken");
        })).isInstanceOf(EntryProcessorException.class)
                .hasMessageContaining("entry processor failed on key 'acct-9' of " + where)
                .hasMessageContaining("rule broken");
    }

    @Test
    void aKeyOfTheWrongTypeNamesTheCacheAndServer() {
        @SuppressWarnings({"rawtypes", "unchecked"})
        Cache<Object, String> typed = (Cache) managers.open("typed").createCache("scores",
                new MutableConfiguration<String, String>().setTypes(String.class, String.class));

        assertThatThrownBy(() -> typed.put(42, "x"))
                .isInstanceOf(ClassCastException.class)
                .hasMessageContaining("key '42' is a java.lang.Integer, not a java.lang.String as cache scores (Redis "
                        + address + ")");
    }

    /** A key whose contents are personal: never printed. */
    record Customer(String email) implements Serializable {
    }

    /** A loader that always fails. */
    public static class FailingLoader implements CacheLoader<String, String> {
        @Override
        public String load(String key) {
            throw new IllegalStateException("database away");
        }

        @Override
        public Map<String, String> loadAll(Iterable<? extends String> keys) {
            throw new IllegalStateException("database away");
        }
    }

    /** A writer that always fails. */
    public static class FailingWriter implements CacheWriter<String, String> {
        @Override
        public void write(Cache.Entry<? extends String, ? extends String> entry) {
            throw new IllegalStateException("database read-only");
        }

        @Override
        public void writeAll(Collection<Cache.Entry<? extends String, ? extends String>> entries) {
            throw new IllegalStateException("database read-only");
        }

        @Override
        public void delete(Object key) {
            throw new IllegalStateException("database read-only");
        }

        @Override
        public void deleteAll(Collection<?> keys) {
            throw new IllegalStateException("database read-only");
        }
    }
}
