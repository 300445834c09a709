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
