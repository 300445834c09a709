package dev.pottery.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pottery.codec.CodecException;
import dev.pottery.codec.SerializingCodec;
import dev.pottery.jcache.configuration.ConfigFile;
import dev.pottery.jcache.configuration.ConfigFileException;
import dev.pottery.jcache.configuration.ConfigSource;
import dev.pottery.jcache.configuration.ManagerSettings;
import dev.pottery.testing.DeserializationCanary;
import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import java.util.List;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * The default codec decodes only allowed classes: an object of any other class written into Redis is
 * refused before any of its code runs, naming the class, the cache and the key.
 */
@RedisServers
class DeserializationFilterTest {

    private Managers managers;

    @BeforeEach
    void open(RedisServer server) {
        managers = new Managers(server);
        DeserializationCanary.reset();
    }

    @AfterEach
    void close() {
        managers.close();
    }

    @Test
    void anObjectOfAClassOutsideTheAllowListIsRefusedBeforeItsCodeRuns(UnifiedJedis redis) {
        Cache<String, Object> cache = managers.open("filter").createCache("victims", new MutableConfiguration<>());
        cache.put("fine", "a string");
        plant(redis, "victims", "k");

        assertThatThrownBy(() -> cache.get("k"))
                .isInstanceOf(CacheException.class)
                .hasMessageContaining("key 'k'").hasMessageContaining("cache victims")
                .hasRootCauseInstanceOf(java.io.InvalidClassException.class)
                .satisfies(e -> assertThat(codecCause(e).getMessage()).contains(DeserializationCanary.class.getName()));
        assertThat(DeserializationCanary.ran()).isFalse();
        assertThat(cache.get("fine")).isEqualTo("a string");
    }

    @Test
    void aKeyOrValueNoInstanceCouldReadIsRefusedWhenWrittenAndNothingIsStored(UnifiedJedis redis) {
        Cache<Object, Object> cache = managers.open("filter").createCache("unreadable", new MutableConfiguration<>());
        cache.put("fine", "a string");

        assertThatThrownBy(() -> cache.put("k", new DeserializationCanary("value")))
                .isInstanceOf(CacheException.class).hasMessageContaining("cache unreadable").hasMessageContaining("key 'k'")
                .hasMessageContaining(DeserializationCanary.class.getName())
                .hasMessageContaining("pottery.serialization.allow");
        assertThatThrownBy(() -> cache.put(new DeserializationCanary("key"), "v"))
                .isInstanceOf(CacheException.class).hasMessageContaining(DeserializationCanary.class.getName());
        assertThatThrownBy(() -> cache.putAll(java.util.Map.of("a", "ok", "b", new DeserializationCanary("in a batch"))))
                .isInstanceOf(CacheException.class).hasMessageContaining(DeserializationCanary.class.getName());

        // Nothing of the refused writes reached Redis: every entry left reads back, on any instance.
        assertThat(redis.hlen("{pottery:jcache:shared:unreadable}:entries")).isEqualTo(1);
        assertThat(cache.containsKey("k")).isFalse();
        java.util.List<Object> keys = new java.util.ArrayList<>();
        cache.forEach(entry -> keys.add(entry.getKey()));
        assertThat(keys).containsExactly("fine");
    }

    @Test
    void theDeclaredValueTypeIsAllowed(UnifiedJedis redis) {
        Cache<String, DeserializationCanary> cache = managers.open("declared").createCache("gadgets",
                new MutableConfiguration<String, DeserializationCanary>()
                        .setTypes(String.class, DeserializationCanary.class));
        plant(redis, "gadgets", "k");

        assertThat(cache.get("k").name()).isEqualTo("planted");
        assertThat(DeserializationCanary.ran()).isTrue();
    }

    @Test
    void keysTheJsr107AnnotationsGenerateAreAllowed() {
        Cache<Object, Object> cache = managers.open("annotations").createCache("annotated",
                new MutableConfiguration<>());
        MethodKey key = new MethodKey(new Object[] {"isbn-1", 2L});
        cache.put(key, "a book");
        assertThat(cache.get(new MethodKey(new Object[] {"isbn-1", 2L}))).isEqualTo("a book");
        assertThat(cache.iterator().next().getKey()).isEqualTo(key);
    }

    /** A key as the JSR-107 annotations' interceptors generate one (the RI's DefaultGeneratedCacheKey). */
    record MethodKey(Object[] parameters) implements javax.cache.annotation.GeneratedCacheKey {
        @Override
        public boolean equals(Object other) {
            return other instanceof MethodKey that && java.util.Arrays.deepEquals(parameters, that.parameters);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.deepHashCode(parameters);
        }
    }

    @Test
    void theAllowPropertyAllowsMore(UnifiedJedis redis) {
        Cache<String, Object> cache = managers.open("allowed", ManagerSettings.SERIALIZATION_ALLOW,
                "com.example.*; dev.pottery.testing.*").createCache("listed",
                new MutableConfiguration<>());
        plant(redis, "listed", "k");

        assertThat(((DeserializationCanary) cache.get("k")).name()).isEqualTo("planted");
        assertThat(DeserializationCanary.ran()).isTrue();
    }

    @Test
    void aBadPatternIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> managers.open("bad", ManagerSettings.SERIALIZATION_ALLOW, "com/example/*"))
                .hasMessageContaining(ManagerSettings.SERIALIZATION_ALLOW).hasMessageContaining("com/example/*");
        assertThatThrownBy(() -> ConfigFile.of(ConfigSource.parse("t.properties",
                "pottery.serialization.allow = com.example.*, x=y\n"), getClass().getClassLoader()))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("t.properties line 1: pottery.serialization.allow");
        ConfigFile file = ConfigFile.of(ConfigSource.parse("t.properties",
                "pottery.serialization.allow = com.example.model.*, com.example.Order\n"), getClass().getClassLoader());
        assertThat(ManagerSettings.allowPatterns(file.managerProperties().getProperty(ManagerSettings.SERIALIZATION_ALLOW)))
                .isEqualTo(List.of("com.example.model.*", "com.example.Order"));
    }

    /** Writes a canary under {@code key}: Java-serialized for a cache of Object keys, UTF-8 for String keys. */
    private static void plant(UnifiedJedis redis, String cache, String key) {
        SerializingCodec<Object> anything = SerializingCodec.create().allowPatterns("*");
        byte[] field = cache.equals("gadgets") ? key.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                : anything.encode(key);
        redis.hset(("{pottery:jcache:shared:" + cache + "}:entries").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                field, anything.encode(new DeserializationCanary("planted")));
    }

    private static CodecException codecCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CodecException codec) {
                return codec;
            }
        }
        throw new AssertionError("no CodecException in " + e);
    }
}
