package dev.pottery.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pottery.codec.Codec;
import dev.pottery.codec.JsonCodec;
import dev.pottery.codec.SerializingCodec;
import dev.pottery.codec.StringCodec;
import dev.pottery.jcache.configuration.PotteryConfiguration;
import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * A cache's codecs follow its declared types unless it names others, and its codecs and namespace are
 * recorded with its configuration: closing and reopening it, or opening it by name from another manager,
 * decodes as its creator encoded.
 */
@RedisServers
class RecordedSettingsTest {

    private Managers managers;

    @BeforeEach
    void open(RedisServer server) {
        managers = new Managers(server);
    }

    @AfterEach
    void close() {
        managers.close();
    }

    @Test
    void declaredScalarTypesAreStoredAsPlainText(UnifiedJedis redis) {
        CacheManager manager = managers.open("plain");
        Cache<String, String> strings = manager.createCache("strings",
                new MutableConfiguration<String, String>().setTypes(String.class, String.class));
        Cache<Long, Integer> numbers = manager.createCache("numbers",
                new MutableConfiguration<Long, Integer>().setTypes(Long.class, Integer.class));
        Cache<UUID, byte[]> blobs = manager.createCache("blobs",
                new MutableConfiguration<UUID, byte[]>().setTypes(UUID.class, byte[].class));
        UUID id = UUID.fromString("7f1b7f9e-3c2a-4a8e-9d51-0c6f1a2b3c4d");

        strings.put("ada", "lovelace");
        numbers.put(1815L, -42);
        blobs.put(id, new byte[] {0, (byte) 0xff, 7});

        assertThat(redis.hget("{pottery:jcache:shared:strings}:entries", "ada")).isEqualTo("lovelace");
        assertThat(redis.hget("{pottery:jcache:shared:numbers}:entries", "1815")).isEqualTo("-42");
        assertThat(redis.hget("{pottery:jcache:shared:blobs}:entries".getBytes(StandardCharsets.UTF_8),
                id.toString().getBytes(StandardCharsets.UTF_8))).containsExactly(0, (byte) 0xff, 7);
        assertThat(numbers.get(1815L)).isEqualTo(-42);
        assertThat(blobs.get(id)).containsExactly(0, (byte) 0xff, 7);
    }

    @Test
    void anObjectTypedCacheKeepsJavaSerialization(UnifiedJedis redis) {
        Cache<Object, Object> cache = managers.open("objects").createCache("objects", new MutableConfiguration<>());
        cache.put("k", List.of(1, 2));
        byte[] stored = redis.hget("{pottery:jcache:shared:objects}:entries".getBytes(StandardCharsets.UTF_8),
                SerializingCodec.create().encode("k"));
        assertThat(stored).startsWith(0xac, 0xed);   // the Java serialization stream magic
        assertThat(cache.get("k")).isEqualTo(List.of(1, 2));
    }

    @Test
    void closingAndReopeningByNameKeepsTheCodecsAndTheNamespace() {
        CacheManager manager = managers.open("reopen");
        PotteryConfiguration<String, Object> configuration = new PotteryConfiguration<String, Object>()
                .codecs(StringCodec.utf8(), JsonCodec.natural()).namespace("python-shared");
        configuration.setTypes(String.class, Object.class);
        Cache<String, Object> cache = manager.createCache("profiles", configuration);
        cache.put("ada", Map.of("born", 1815L));
        cache.close();

        Cache<String, Object> reopened = manager.getCache("profiles");
        assertThat(reopened).isNotNull().isNotSameAs(cache);
        assertThat(reopened.get("ada")).isEqualTo(Map.of("born", 1815L));
        assertThat(managers.open("another-manager").<String, Object>getCache("profiles").get("ada"))
                .isEqualTo(Map.of("born", 1815L));
    }

    @Test
    void destroyingACacheOfAnotherNamespaceDeletesItsEntriesAndThePointer(UnifiedJedis redis) {
        CacheManager manager = managers.open("destroy");
        PotteryConfiguration<String, String> configuration = new PotteryConfiguration<String, String>()
                .namespace("elsewhere");
        configuration.setTypes(String.class, String.class);
        manager.createCache("moved", configuration).put("k", "v");
        manager.getCache("moved").close();

        manager.destroyCache("moved");

        assertThat(redis.exists("{pottery:jcache:elsewhere:moved}:entries")).isFalse();
        assertThat(redis.exists("{pottery:jcache:shared:moved}:config")).isFalse();
        assertThat(manager.<String, String>getCache("moved")).isNull();
    }

    @Test
    void aCodecThatCannotBeMadeAgainIsRefusedByNameWithAClearMessage() {
        Codec<String> lambdaCodec = new Codec<>() {
            @Override
            public byte[] encode(String value) {
                return value.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public String decode(byte[] bytes) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
        };
        PotteryConfiguration<String, String> configuration = new PotteryConfiguration<String, String>()
                .codecs(lambdaCodec, lambdaCodec);
        configuration.setTypes(String.class, String.class);
        managers.open("custom").createCache("custom", configuration).put("k", "v");

        assertThatThrownBy(() -> managers.open("other").getCache("custom"))
                .isInstanceOf(CacheException.class)
                .hasMessageContaining("cache custom")
                .hasMessageContaining("no public constructor without arguments");
    }

    @Test
    void createCacheRefusesOtherCodecsOverEntriesButNotOverAnEmptyCache() {
        managers.open("first").createCache("typed", new MutableConfiguration<String, Long>()
                .setTypes(String.class, Long.class)).put("k", 1L);

        assertThatThrownBy(() -> managers.open("second").createCache("typed",
                new MutableConfiguration<String, Object>().setTypes(String.class, Object.class)))
                .isInstanceOf(CacheException.class)
                .hasMessageContaining("value codec 'text'").hasMessageContaining("not 'string' and 'java'");

        managers.open("third").getCache("typed").clear();
        Cache<String, Object> retyped = managers.open("fourth").createCache("typed",
                new MutableConfiguration<String, Object>().setTypes(String.class, Object.class));
        retyped.put("k", List.of("now", "java"));
        assertThat(retyped.get("k")).isEqualTo(List.of("now", "java"));
    }

    @Test
    void aConfigurationRecordedBeforeCodecsWereRecordedReadsAsJavaSerialization(UnifiedJedis redis) {
        // What an earlier version wrote: a plain MutableConfiguration, entries Java-serialized.
        byte[] legacy = SerializingCodec.<MutableConfiguration<String, String>>create().allowPatterns("javax.cache.**")
                .encode(new MutableConfiguration<String, String>().setTypes(String.class, String.class));
        byte[] config = "{pottery:jcache:shared:legacy}:config".getBytes(StandardCharsets.UTF_8);
        redis.set(config, legacy);
        redis.hset("{pottery:jcache:shared:legacy}:entries".getBytes(StandardCharsets.UTF_8),
                SerializingCodec.create().encode("k"), SerializingCodec.create().encode("v"));

        assertThat(managers.open("upgraded").<String, String>getCache("legacy").get("k")).isEqualTo("v");
    }
}
