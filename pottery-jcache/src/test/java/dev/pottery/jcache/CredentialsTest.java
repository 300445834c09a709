package dev.pottery.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pottery.jcache.configuration.ConfigFileException;
import dev.pottery.jcache.configuration.ManagerSettings;
import dev.pottery.jcache.configuration.RedisTopology;
import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * A manager opened with a password in its URL works, and the password appears in no MBean name, exception
 * message, {@code toString()} or anything recorded in Redis; {@code getURI()} still returns the URI given.
 */
@RedisServers(password = CredentialsTest.PASSWORD)
class CredentialsTest {

    static final String PASSWORD = "Pw-5e1f0c";

    @Test
    void aPasswordInTheManagerUriIsUsedButNeverShown(RedisServer server, UnifiedJedis redis) throws Exception {
        URI uri = URI.create(server.uri("default", PASSWORD) + "/0");
        CacheManager manager = Caching.getCachingProvider().getCacheManager(uri, getClass().getClassLoader(),
                new Properties());
        try {
            assertThat(manager.getURI()).isEqualTo(uri);
            Cache<String, String> cache = manager.createCache("secured", new MutableConfiguration<String, String>()
                    .setTypes(String.class, String.class).setStatisticsEnabled(true).setManagementEnabled(true));
            cache.put("k", "v");
            assertThat(cache.get("k")).isEqualTo("v");

            assertThat(ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName("javax.cache:*"), null))
                    .isNotEmpty().allSatisfy(name -> assertThat(name.toString()).doesNotContain(PASSWORD));
            assertThat(manager.toString()).doesNotContain(PASSWORD).contains(String.valueOf(server.port()));
            assertThat(((PotteryCacheManager) manager).settings().toString()).doesNotContain(PASSWORD);
            assertThat(cache.toString()).doesNotContain(PASSWORD);
            assertThatThrownBy(() -> manager.createCache("secured", new MutableConfiguration<>()))
                    .isInstanceOf(CacheException.class).message().doesNotContain(PASSWORD);
            assertThatThrownBy(() -> manager.unwrap(String.class)).message().doesNotContain(PASSWORD);
            assertThat(everythingStoredIn(redis)).doesNotContain(PASSWORD);
        } finally {
            manager.close();
        }
        assertThatThrownBy(() -> manager.getCache("secured")).isInstanceOf(IllegalStateException.class)
                .message().doesNotContain(PASSWORD);
    }

    @Test
    void aWrongPasswordFailsWithoutShowingIt(RedisServer server) {
        String wrong = "Wrong-77aa";
        URI uri = server.uri("default", wrong);
        Properties properties = new Properties();
        properties.setProperty(ManagerSettings.TIMEOUT, "1000");
        CacheManager manager = Caching.getCachingProvider().getCacheManager(uri, getClass().getClassLoader(), properties);
        try {
            assertThatThrownBy(() -> manager.createCache("denied", new MutableConfiguration<>()))
                    .satisfies(e -> assertThat(chain(e)).doesNotContain(wrong));
        } finally {
            manager.close();
        }
    }

    @Test
    void settingsAndTopologyPrintNoPassword() {
        Properties properties = new Properties();
        properties.setProperty(ManagerSettings.URL, "redis://app:" + PASSWORD + "@cache-host:6379/1");
        properties.setProperty(RedisTopology.PASSWORD, PASSWORD);
        ManagerSettings settings = ManagerSettings.of(URI.create("pottery:x"), properties, null);
        assertThat(settings.toString()).doesNotContain(PASSWORD).contains("cache-host");
        assertThat(settings.topology().toString()).doesNotContain(PASSWORD).contains("(set)");
        assertThat(ManagerSettings.shown("redis://h:1/0?password=" + PASSWORD + "&x=1")).doesNotContain(PASSWORD);
        assertThat(ManagerSettings.withoutUserInfo("redis://u:" + PASSWORD + "@bad host:1")).doesNotContain(PASSWORD);
        assertThat(ManagerSettings.shownWithin("cannot open https://u:" + PASSWORD + "@h/f and ftp://x:y@z"))
                .isEqualTo("cannot open https://h/f and ftp://z");
    }

    @Test
    void aConfigurationFileBehindACredentialedUrlIsNamedWithoutThem() {
        URI file = URI.create("http://reader:" + PASSWORD + "@127.0.0.1:1/pottery-cache.properties");
        assertThatThrownBy(() -> Caching.getCachingProvider().getCacheManager(file, getClass().getClassLoader()))
                .isInstanceOf(ConfigFileException.class)
                .satisfies(e -> assertThat(chainMessages(e)).doesNotContain(PASSWORD).contains("127.0.0.1"));
    }

    /** Passwords a URL should have percent-encoded, written as people write them: no message repeats them. */
    @Test
    void aMalformedRedisUrlIsNeverEchoedWithItsPassword() throws Exception {
        for (String password : new String[] {"Hun@ter2", "Hun#ter2", "Hun/ter2", "Hun ter2", "Hun?ter2", "Hun%ter2",
                "Hun[ter2"}) {
            String url = "redis://default:" + password + "@127.0.0.1:1/0";
            assertThat(ManagerSettings.withoutUserInfo(url)).as(url).doesNotContain(password.substring(3));
            Properties properties = new Properties();
            properties.setProperty(ManagerSettings.URL, url);
            properties.setProperty(ManagerSettings.TIMEOUT, "200");
            String shown;
            try {
                CacheManager manager = Caching.getCachingProvider().getCacheManager(
                        URI.create("pottery:malformed-" + Math.abs(password.hashCode())), getClass().getClassLoader(),
                        properties);
                try {
                    shown = manager + " ";
                    manager.createCache("c", new MutableConfiguration<String, String>());
                } finally {
                    manager.close();
                }
            } catch (RuntimeException e) {
                shown = chainMessages(e);
            }
            assertThat(shown).as(url).doesNotContain(password.substring(3));
        }
        // a scheme written without its ':' in a configuration file
        java.nio.file.Path file = java.nio.file.Files.createTempFile("pottery-credentials", ".properties");
        try {
            java.nio.file.Files.writeString(file, "pottery.redis.url = redis//app:" + PASSWORD + "@127.0.0.1:1\n");
            assertThatThrownBy(() -> Caching.getCachingProvider().getCacheManager(file.toUri(),
                    getClass().getClassLoader()))
                    .isInstanceOf(ConfigFileException.class)
                    .satisfies(e -> assertThat(chainMessages(e)).doesNotContain(PASSWORD).contains("not a Redis URL"));
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    /**
     * A manager URI's secret-looking query parameter stays out of the namespace derived from the URI, so out of
     * every Redis key, the manager's and cache's text and the MBean names.
     */
    @Test
    void aSecretQueryParameterOfTheManagerUriStaysOutOfTheNamespace(RedisServer server, UnifiedJedis redis)
            throws Exception {
        Properties properties = new Properties();
        properties.setProperty(ManagerSettings.URL, server.uri("default", PASSWORD).toString());
        CacheManager manager = Caching.getCachingProvider().getCacheManager(
                URI.create("pottery:orders?token=Tok-" + PASSWORD), getClass().getClassLoader(), properties);
        try {
            assertThat(manager.toString()).doesNotContain(PASSWORD).contains("token=***");
            assertThat(manager.unwrap(PotteryCacheManager.class).settings().toString()).doesNotContain(PASSWORD);
            Cache<String, String> cache = manager.createCache("secret-query", new MutableConfiguration<String, String>()
                    .setTypes(String.class, String.class).setStatisticsEnabled(true));
            cache.put("k", "v");
            assertThat(cache.toString()).doesNotContain(PASSWORD);
            assertThat(everythingStoredIn(redis)).doesNotContain(PASSWORD);
            assertThat(ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName("javax.cache:*"), null)
                    .toString()).doesNotContain(PASSWORD);
        } finally {
            manager.close();
        }
    }

    private static String everythingStoredIn(UnifiedJedis redis) {
        StringBuilder all = new StringBuilder();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor);
            for (String key : page.getResult()) {
                all.append(key).append(new String(redis.dump(key), StandardCharsets.ISO_8859_1));
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return all.toString();
    }

    private static String chain(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
            for (StackTraceElement frame : t.getStackTrace()) {
                text.append(frame).append('\n');
            }
        }
        return text.toString();
    }

    private static String chainMessages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }
}
