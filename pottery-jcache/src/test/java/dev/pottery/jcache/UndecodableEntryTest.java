package dev.pottery.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pottery.codec.CodecException;
import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * An entry whose bytes its codec cannot decode: every operation that meets it throws a CacheException whose
 * cause chain holds the CodecException, naming the cache and the key; the entry is left as it was (by the
 * operations that only read) and no other entry is lost or changed.
 */
@RedisServers
class UndecodableEntryTest {

    private static final byte[] ENTRIES = "{pottery:jcache:shared:damaged}:entries".getBytes(StandardCharsets.UTF_8);
    /** Not UTF-8 (a lone continuation byte and an invalid one): the String codec cannot read it. */
    private static final byte[] GARBAGE = {(byte) 0x80, (byte) 0xff};
    private static final byte[] BAD = "bad".getBytes(StandardCharsets.UTF_8);

    private Managers managers;
    private Cache<String, String> cache;

    @BeforeEach
    void open(RedisServer server, UnifiedJedis redis) {
        managers = new Managers(server);
        cache = managers.open("damaged").createCache("damaged",
                new MutableConfiguration<String, String>().setTypes(String.class, String.class));
        cache.putAll(Map.of("a", "1", "bad", "2", "c", "3"));
        redis.hset(ENTRIES, BAD, GARBAGE);
    }

    @AfterEach
    void close() {
        managers.close();
    }

    @Test
    void getNamesCacheAndKey(UnifiedJedis redis) {
        assertFailsNamingTheKey(c -> c.get("bad"));
        assertUnchanged(redis);
    }

    @Test
    void getAllNamesCacheAndKey(UnifiedJedis redis) {
        assertFailsNamingTheKey(c -> c.getAll(Set.of("a", "bad")));
        assertUnchanged(redis);
    }

    @Test
    void iterationNamesCacheAndKey(UnifiedJedis redis) {
        assertFailsNamingTheKey(c -> c.forEach(entry -> { }));
        assertUnchanged(redis);
    }

    @Test
    void invokeNamesCacheAndKey(UnifiedJedis redis) {
        assertFailsNamingTheKey(c -> c.invoke("bad", (entry, args) -> entry.getValue()));
        assertUnchanged(redis);
    }

    @Test
    void getAndReplaceNamesCacheAndKey(UnifiedJedis redis) {
        assertFailsNamingTheKey(c -> c.getAndReplace("bad", "x"));
    }

    @Test
    void getAndPutNamesCacheAndKey() {
        assertFailsNamingTheKey(c -> c.getAndPut("bad", "x"));
    }

    /**
     * Overwriting or removing undecodable bytes is how they are repaired: with a listener that wants old values,
     * each such write (single and batch) takes effect, returns normally and is heard, without an old value.
     */
    @Test
    void writesOverUndecodableBytesSucceedAndAreHeardWithoutOldValue(UnifiedJedis redis) {
        Map<String, Consumer<Cache<String, String>>> writes = new java.util.LinkedHashMap<>();
        writes.put("put", c -> c.put("bad", "5"));
        writes.put("remove", c -> c.remove("bad"));
        writes.put("putAll", c -> c.putAll(Map.of("a", "10", "bad", "11")));
        writes.put("removeAll(keys)", c -> c.removeAll(Set.of("a", "bad")));
        writes.put("removeAll()", Cache::removeAll);
        for (Map.Entry<String, Consumer<Cache<String, String>>> write : writes.entrySet()) {
            Heard.EVENTS.clear();
            String name = "heard-" + write.getKey().replaceAll("[^a-zA-Z]", "");
            byte[] entries = ("{pottery:jcache:shared:" + name + "}:entries").getBytes(StandardCharsets.UTF_8);
            Cache<String, String> listened = managers.open("l-" + name).createCache(name,
                    new MutableConfiguration<String, String>().setTypes(String.class, String.class)
                            .addCacheEntryListenerConfiguration(new javax.cache.configuration
                                    .MutableCacheEntryListenerConfiguration<>(javax.cache.configuration.FactoryBuilder
                                    .factoryOf(Heard.class), null, true, true)));
            listened.put("a", "1");
            redis.hset(entries, BAD, GARBAGE);
            Heard.EVENTS.clear();
            write.getValue().accept(listened);
            assertThat(Heard.EVENTS).as(write.getKey()).anyMatch(event -> event.startsWith("bad ") && event.endsWith("no old value"));
            assertThat(redis.hget(entries, BAD)).as(write.getKey()).isNotEqualTo(GARBAGE);
        }
    }

    /** Records every event as "key TYPE old" or "key TYPE no old value". */
    public static final class Heard implements javax.cache.event.CacheEntryUpdatedListener<String, String>,
            javax.cache.event.CacheEntryRemovedListener<String, String>, java.io.Serializable {
        private static final long serialVersionUID = 1L;
        static final java.util.List<String> EVENTS = new java.util.concurrent.CopyOnWriteArrayList<>();

        private static void record(Iterable<javax.cache.event.CacheEntryEvent<? extends String, ? extends String>> events) {
            events.forEach(event -> EVENTS.add(event.getKey() + " " + event.getEventType() + " "
                    + (event.isOldValueAvailable() ? event.getOldValue() : "no old value")));
        }

        @Override
        public void onUpdated(Iterable<javax.cache.event.CacheEntryEvent<? extends String, ? extends String>> events) {
            record(events);
        }

        @Override
        public void onRemoved(Iterable<javax.cache.event.CacheEntryEvent<? extends String, ? extends String>> events) {
            record(events);
        }
    }

    private static void assertUnchanged(UnifiedJedis redis) {
        assertThat(redis.hget(ENTRIES, BAD)).isEqualTo(GARBAGE);
        assertThat(redis.hlen(ENTRIES)).isEqualTo(3);
    }

    private void assertFailsNamingTheKey(Consumer<Cache<String, String>> operation) {
        assertThatThrownBy(() -> operation.accept(cache))
                .isInstanceOf(CacheException.class)
                .hasMessageContaining("damaged")
                .satisfies(e -> {
                    assertThat(e.getMessage()).contains("bad");
                    boolean codec = false;
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        codec |= t instanceof CodecException;
                    }
                    assertThat(codec).as("a CodecException in the causes of " + e).isTrue();
                });
        assertThat(cache.get("a")).isEqualTo("1");
        assertThat(cache.get("c")).isEqualTo("3");
    }
}
