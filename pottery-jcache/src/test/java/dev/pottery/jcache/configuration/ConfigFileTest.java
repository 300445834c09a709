package dev.pottery.jcache.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.UnifiedJedis;

@RedisServers
class ConfigFileTest {

    @TempDir
    Path dir;

    private final CachingProvider provider = Caching.getCachingProvider();

    @AfterEach
    void closeManagers() {
        provider.close();
    }

    @Test
    void nearCacheSettingsAreReadPerCacheAndAsTheManagersDefault(RedisServer server) throws IOException {
        URI file = write("near.properties", """
                pottery.redis.url = %s
                pottery.near-cache = 500
                cache.hot.key-type = String
                cache.hot.value-type = String
                cache.hot.near-cache = 2000
                cache.hot.near-cache-max-age = 30s
                cache.cold.key-type = String
                cache.cold.value-type = String
                cache.cold.near-cache = false
                cache.plain.key-type = String
                """.formatted(server.uri()));
        CacheManager manager = provider.getCacheManager(file, getClass().getClassLoader());
        assertThat(nearCache(manager, "hot")).isEqualTo(new NearCacheSettings(2000, 30_000));
        assertThat(nearCache(manager, "cold")).isNull();
        assertThat(nearCache(manager, "plain")).isNull();   // not set in the cache: the manager's default applies
        assertThat(configuration(manager, "plain").nearCacheSet()).isFalse();

        URI bad = write("bad-near.properties", """
                pottery.redis.url = %s
                cache.x.near-cache = lots
                """.formatted(server.uri()));
        assertThatThrownBy(() -> provider.getCacheManager(bad, getClass().getClassLoader()))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("cache.x.near-cache").hasMessageContaining("line 2");
    }

    @SuppressWarnings("unchecked")
    private static PotteryConfiguration<Object, Object> configuration(CacheManager manager, String name) {
        return manager.getCache(name).getConfiguration(PotteryConfiguration.class);
    }

    private static NearCacheSettings nearCache(CacheManager manager, String name) {
        return configuration(manager, name).nearCache();
    }

    @Test
    void cachesDeclaredInTheFileExistAsSoonAsTheManagerOpens(RedisServer server, UnifiedJedis redis) throws IOException {
        URI file = write("app.properties", """
                pottery.redis.url = %s
                pottery.namespace = shop
                cache.books.key-type = String
                cache.books.value-type = String
                cache.books.expiry = created
                cache.books.expiry-duration = 10m
                cache.books.statistics = true
                cache.books.key-codec = string
                cache.books.value-codec = json
                cache.titles.key-type = String
                cache.titles.value-type = String
                cache.titles.loader = dev.pottery.jcache.configuration.TitleLoader
                """.formatted(server.uri()));

        CacheManager manager = provider.getCacheManager(file, getClass().getClassLoader());

        assertThat(manager.getCacheNames()).containsExactlyInAnyOrder("books", "titles");
        Cache<String, String> books = manager.getCache("books", String.class, String.class);
        @SuppressWarnings("unchecked")
        CompleteConfiguration<String, String> config = books.getConfiguration(CompleteConfiguration.class);
        assertThat(config.isStatisticsEnabled()).isTrue();
        assertThat(config.getExpiryPolicyFactory().create().getExpiryForCreation())
                .isEqualTo(new Duration(TimeUnit.MINUTES, 10));
        books.put("isbn-1", "Dune");
        // the json codec stores Python pottery's layout: a JSON string, readable by other languages
        assertThat(redis.hget("{pottery:jcache:shop:books}:entries", "isbn-1")).isEqualTo("\"Dune\"");
        assertThat(manager.getCache("titles", String.class, String.class).get("42")).isEqualTo("title of 42");
    }

    @Test
    void aClasspathFileWithPlaceholdersIsReadAndItsCachesRecordedInRedis(RedisServer server, UnifiedJedis redis) {
        System.setProperty("pottery.test.redis.url", server.uri().toString());
        try {
            CacheManager manager = provider.getCacheManager(URI.create("classpath:pottery-test-cache.properties"),
                    getClass().getClassLoader());
            assertThat(manager.getCacheNames()).containsExactlyInAnyOrder("plain", "scores");
            assertThat(redis.exists("{pottery:jcache:from-classpath:scores}:config")).isTrue();
            manager.getCache("scores", String.class, Integer.class).put("ada", 3);
            assertThat(redis.hlen("{pottery:jcache:from-classpath:scores}:entries")).isEqualTo(1);
        } finally {
            System.clearProperty("pottery.test.redis.url");
        }
    }

    @Test
    void propertiesPassedWithTheUriWinOverTheFile(RedisServer server, UnifiedJedis redis) throws IOException {
        URI file = write("ns.properties", """
                pottery.redis.url = %s
                pottery.namespace = from-file
                pottery.caches = c
                """.formatted(server.uri()));
        Properties passed = new Properties();
        passed.setProperty(ManagerSettings.NAMESPACE, "from-code");

        provider.getCacheManager(file, getClass().getClassLoader(), passed).getCache("c").put("k", "v");

        assertThat(redis.exists("{pottery:jcache:from-code:c}:entries")).isTrue();
        assertThat(redis.exists("{pottery:jcache:from-file:c}:entries")).isFalse();
    }

    @Test
    void aBadValueFailsAtOpenNamingFileLinePropertyAndProblem() throws IOException {
        URI file = write("bad.properties", """
                pottery.redis.url = redis://localhost:1
                cache.books.expiry = created
                cache.books.expiry-duration = 10 parsecs
                """);

        assertThatThrownBy(() -> provider.getCacheManager(file, getClass().getClassLoader()))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining(file.toString() + " line 3: cache.books.expiry-duration: '10 parsecs'"
                        + " is not a duration");
    }

    @Test
    void unknownPropertiesAreReportedWithTheClosestKnownName() throws IOException {
        URI file = write("typo.properties", """
                pottery.redis.ulr = redis://localhost:1
                cache.books.expiry-durration = 5m
                """);

        assertThatThrownBy(() -> provider.getCacheManager(file, getClass().getClassLoader()))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("unknown properties [cache.books.expiry-durration, pottery.redis.ulr]")
                .hasMessageContaining("did you mean cache.books.expiry-duration?");
    }

    @Test
    void eachKindOfMistakeIsExplained() {
        assertProblem("cache.a.value-type = com.example.Nope", "line 1: cache.a.value-type: class 'com.example.Nope'"
                + " is not on the class path");
        assertProblem("cache.a.loader = " + NeedsArgument.class.getName(), "cache.a.loader: class "
                + NeedsArgument.class.getName() + " has no public constructor without arguments");
        assertProblem("cache.a.loader = java.util.ArrayList", "is neither a javax.cache.integration.CacheLoader nor"
                + " a javax.cache.configuration.Factory");
        assertProblem("cache.a.expiry = created", "cache.a.expiry: expiry 'created' needs cache.a.expiry-duration");
        assertProblem("cache.a.statistics = yes", "cache.a.statistics: 'yes' is neither true nor false");
        assertProblem("cache.a.key-type = Long\ncache.a.key-codec = string", "line 2: cache.a.key-codec: codec"
                + " 'string' handles String, but the cache's type is java.lang.Long");
        assertProblem("cache.a.read-through = true", "read-through needs cache.a.loader");
        assertProblem("pottery.pool.size = 0", "pottery.pool.size: '0' is below the least allowed value, 1");
        assertProblem("pottery.redis.url = http://example.com", "pottery.redis.url: 'http://example.com' is not a"
                + " Redis URL");
        assertProblem("pottery.redis.cluster.nodes = a:1,b", "'b' is not host:port");
        assertProblem("pottery.redis.sentinel.nodes = a:1", "sentinel nodes need pottery.redis.sentinel.master");
        assertProblem("pottery.redis.url = ${NO_SUCH_VARIABLE_FOR_POTTERY}", "${NO_SUCH_VARIABLE_FOR_POTTERY} is"
                + " neither a system property nor an environment variable");
    }

    @Test
    void aFileInsideAJarIsReadAsSpringBootHandsItOver() throws IOException {
        // Spring Boot resolves spring.cache.jcache.config to a URL; in a packaged application a jar: URL
        Path jar = dir.resolve("app.jar");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.zip.ZipEntry("config/pottery-cache.properties"));
            out.write("pottery.namespace = packaged\ncache.inside.statistics = true\n".getBytes());
            out.closeEntry();
        }
        URI inJar = URI.create("jar:" + jar.toUri() + "!/config/pottery-cache.properties");

        assertThat(ConfigSource.isConfigFile(inJar)).isTrue();
        ConfigFile file = ConfigFile.load(inJar, getClass().getClassLoader());
        assertThat(file.managerProperties().getProperty(ManagerSettings.NAMESPACE)).isEqualTo("packaged");
        assertThat(file.caches()).extracting(CacheSpec::name).containsExactly("inside");
    }

    @Test
    void aFragmentMakesAnotherManagerOnTheSameFile(RedisServer server) throws IOException {
        URI file = write("twice.properties", "pottery.redis.url = %s\npottery.caches = c\n".formatted(server.uri()));
        URI again = URI.create(file + "#second");

        CacheManager first = provider.getCacheManager(file, getClass().getClassLoader());
        CacheManager second = provider.getCacheManager(again, getClass().getClassLoader());

        assertThat(second).isNotSameAs(first);
        first.getCache("c").put("k", "v");
        assertThat(second.getCache("c").get("k")).isEqualTo("v");
        assertThat(ConfigSource.isConfigFile(URI.create("pottery:orders"))).isFalse();
        assertThat(ConfigSource.isConfigFile(URI.create("redis://h:1/0"))).isFalse();
    }

    @Test
    void aFileThatIsNotThereIsNamed() {
        URI missing = URI.create("classpath:no-such-pottery.properties");
        assertThatThrownBy(() -> provider.getCacheManager(missing, getClass().getClassLoader()))
                .isInstanceOf(ConfigFileException.class)
                .hasMessage("classpath:no-such-pottery.properties: no such resource on the class path");
    }

    @Test
    void placeholdersTakeTheirDefaultAndDurationsTheirUnits() {
        ConfigFile file = ConfigFile.of(ConfigSource.parse("t.properties", """
                pottery.redis.url = ${NO_SUCH_VARIABLE_FOR_POTTERY:redis://fallback:6390}
                cache.a.expiry = created
                cache.a.expiry-duration = PT90S
                """), getClass().getClassLoader());
        assertThat(file.managerProperties().getProperty(ManagerSettings.URL)).isEqualTo("redis://fallback:6390");
        assertThat(file.caches().get(0).configuration().getExpiryPolicyFactory().create().getExpiryForCreation())
                .isEqualTo(new Duration(TimeUnit.MILLISECONDS, 90_000));
        assertThat(file.caches().get(0).configuration().getExpiryPolicyFactory())
                .isEqualTo(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MILLISECONDS, 90_000)));
    }

    @Test
    void clusterAndCredentialsShowInTheAddressWithoutThePassword() {
        ConfigFile file = ConfigFile.of(ConfigSource.parse("t.properties", """
                pottery.redis.cluster.nodes = 10.0.0.1:7000, 10.0.0.2:7000
                pottery.redis.user = app
                pottery.redis.password = secret
                """), getClass().getClassLoader());
        ManagerSettings settings = ManagerSettings.of(URI.create("classpath:t.properties"), file.managerProperties(),
                null);
        assertThat(settings.topology().isCluster()).isTrue();
        assertThat(settings.topology().user()).isEqualTo("app");
        assertThat(settings.address()).isEqualTo("cluster 10.0.0.1:7000,10.0.0.2:7000").doesNotContain("secret");
        assertThat(settings.namespace()).isEqualTo("default");
    }

    /** A loader a file cannot name: it has no constructor without arguments. */
    public static class NeedsArgument extends TitleLoader {
        /** Takes what a file cannot give. */
        public NeedsArgument(String prefix) {
        }
    }

    private void assertProblem(String text, String expected) {
        assertThatThrownBy(() -> ConfigFile.of(ConfigSource.parse("t.properties", text), getClass().getClassLoader()))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageStartingWith("t.properties")
                .hasMessageContaining(expected);
    }

    private URI write(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text);
        return path.toUri();
    }
}
