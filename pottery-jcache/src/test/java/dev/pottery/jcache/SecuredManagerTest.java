package dev.pottery.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pottery.jcache.configuration.ManagerSettings;
import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import dev.pottery.testing.TlsMaterial;
import java.io.Serializable;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A JCache manager as production runs it: over TLS ({@code rediss://}, the server's certificate made for this
 * run and trusted through the JVM's default SSL context), as an ACL user holding only the README's JCache
 * rules, with a pool of one connection; every operation and remote events work.
 */
@RedisServers(tls = true, aclUsers = SecuredManagerTest.JCACHE_USER)
class SecuredManagerTest {

    /** README, Security: the minimal ACL rules of a JCache manager under the default key prefix. */
    static final String JCACHE_USER = "cache on >cache-pass ~{pottery:jcache:* resetchannels"
            + " &{pottery:jcache:*}:events -@all +@read +@write +@connection +evalsha +eval +time +publish"
            + " +psubscribe +punsubscribe -@dangerous";

    static final List<String> CREATED = new CopyOnWriteArrayList<>();
    private static SSLContext previous;

    @BeforeAll
    static void trustTheTestCertificate() throws Exception {
        previous = SSLContext.getDefault();
        SSLContext.setDefault(TlsMaterial.get().sslContext());
    }

    @AfterAll
    static void restore() {
        SSLContext.setDefault(previous);
    }

    @Test
    void everyOperationWorksOverTlsAsARestrictedUser(RedisServer server) {
        CacheManager first = open(server, "secured-a", "cache-pass");
        CacheManager second = open(server, "secured-b", "cache-pass");
        try {
            Cache<String, String> cache = first.createCache("tls", new MutableConfiguration<String, String>()
                    .setTypes(String.class, String.class).setStatisticsEnabled(true)
                    .addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<>(
                            FactoryBuilder.factoryOf(new Created()), null, false, true)));
            Cache<String, String> other = second.getCache("tls", String.class, String.class);

            other.put("remote", "1");
            await().atMost(10, TimeUnit.SECONDS).until(() -> CREATED.contains("remote"));
            cache.putAll(Map.of("a", "1", "b", "2"));
            assertThat(other.getAll(Set.of("a", "b"))).hasSize(2);
            assertThat(cache.putIfAbsent("a", "x")).isFalse();
            assertThat(cache.replace("a", "1", "3")).isTrue();
            String invoked = other.invoke("a", (entry, args) -> entry.getValue());
            assertThat(invoked).isEqualTo("3");
            assertThat(cache.iterator().hasNext()).isTrue();
            cache.removeAll(Set.of("b"));
            cache.clear();
            assertThat(other.get("a")).isNull();
            first.destroyCache("tls");
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void aWrongPasswordIsRefused(RedisServer server) {
        CacheManager manager = open(server, "refused", "not-the-password");
        try {
            assertThatThrownBy(() -> manager.createCache("nope", new MutableConfiguration<>()))
                    .isInstanceOf(CacheException.class).message().doesNotContain("not-the-password");
        } finally {
            manager.close();
        }
    }

    private static CacheManager open(RedisServer server, String name, String password) {
        Properties properties = new Properties();
        properties.setProperty(ManagerSettings.URL, server.uri("cache", password).toString());
        properties.setProperty(ManagerSettings.POOL_SIZE, "1");
        properties.setProperty(ManagerSettings.NAMESPACE, "secured");
        properties.setProperty(ManagerSettings.TIMEOUT, "2000");
        assertThat(properties.getProperty(ManagerSettings.URL)).startsWith("rediss://cache:");
        return Caching.getCachingProvider().getCacheManager(URI.create("pottery:" + name),
                SecuredManagerTest.class.getClassLoader(), properties);
    }

    /** Records created keys. */
    static final class Created implements CacheEntryCreatedListener<String, String>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            events.forEach(event -> CREATED.add(event.getKey()));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Created;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }
}
