package dev.pottery.jcache.management;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.jcache.configuration.ManagerSettings;
import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** Every legal cache name and manager URI registers its MXBeans, and unregisters them on close and destroy. */
@RedisServers
class JmxNamesTest {

    private static final MBeanServer MBEANS = ManagementFactory.getPlatformMBeanServer();

    private static final List<String> NAMES = List.of("reports*", "what?", "a:b", "a.b", "k=v", "one,two",
            "say \"hi\"", "back\\slash", "new\nline", "", " padded ", "日本語", "*", "?");

    @Test
    void everyCacheNameRegistersItsOwnBeansAndUnregistersThem(RedisServer server) throws Exception {
        try (CacheManager manager = open(server, URI.create("pottery:jmx-names"))) {
            for (String name : NAMES) {
                manager.createCache(name, managed());
            }
            for (String name : NAMES) {
                ObjectName statistics = JmxRegistration.objectName("CacheStatistics", manager.getURI().toString(), name);
                ObjectName configuration = JmxRegistration.objectName("CacheConfiguration", manager.getURI().toString(), name);
                assertThat(statistics.isPattern()).as(name).isFalse();
                assertThat(MBEANS.isRegistered(statistics)).as(name).isTrue();
                assertThat(MBEANS.isRegistered(configuration)).as(name).isTrue();
            }
            // a:b and a.b are two caches with two beans each, not one name fought over
            assertThat(JmxRegistration.objectName("CacheStatistics", "pottery:x", "a:b"))
                    .isNotEqualTo(JmxRegistration.objectName("CacheStatistics", "pottery:x", "a.b"));
            assertThat(beansOf(manager)).hasSize(2 * NAMES.size());

            manager.destroyCache("reports*");
            assertThat(MBEANS.isRegistered(JmxRegistration.objectName("CacheStatistics",
                    manager.getURI().toString(), "reports*"))).isFalse();
            manager.getCache("a:b").close();
            assertThat(MBEANS.isRegistered(JmxRegistration.objectName("CacheStatistics",
                    manager.getURI().toString(), "a:b"))).isFalse();
            assertThat(MBEANS.isRegistered(JmxRegistration.objectName("CacheStatistics",
                    manager.getURI().toString(), "a.b"))).isTrue();
            for (String name : NAMES) {
                manager.destroyCache(name);
            }
        }
        assertThat(MBEANS.queryNames(new ObjectName("javax.cache:*"), null))
                .noneMatch(name -> name.toString().contains("jmx-names"));
    }

    @Test
    void managerUrisWithQueriesAndPatternCharactersRegister(RedisServer server) throws Exception {
        for (URI uri : List.of(URI.create("pottery:app?tenant=a&mode=*"), URI.create("pottery:what?"),
                URI.create("urn:pottery:a=b,c;d"), URI.create("pottery:app#fragment"))) {
            CacheManager manager = open(server, uri);
            Cache<String, String> cache = manager.createCache("reports*", managed());
            cache.put("k", "v");
            cache.get("k");
            ObjectName name = JmxRegistration.objectName("CacheStatistics", uri.toString(), "reports*");
            assertThat(MBEANS.isRegistered(name)).as(uri.toString()).isTrue();
            assertThat(MBEANS.getAttribute(name, "CacheHits")).isEqualTo(1L);
            manager.destroyCache("reports*");
            manager.close();
            assertThat(MBEANS.isRegistered(name)).isFalse();
        }
    }

    @Test
    void plainNamesKeepTheFormTheTckLooksUp() throws Exception {
        assertThat(JmxRegistration.objectName("CacheStatistics", "redis://cache-host:6400", "books"))
                .isEqualTo(new ObjectName("javax.cache:type=CacheStatistics,CacheManager=redis.//cache-host.6400,Cache=books"));
    }

    @Test
    void credentialsNeverReachAnObjectName() {
        ObjectName name = JmxRegistration.objectName("CacheStatistics",
                "redis://default:PASSWORD@cache-host:6379/0?password=SECRET2&db=1", "books");
        assertThat(name.toString()).doesNotContain("PASSWORD").doesNotContain("SECRET2").contains("cache-host");
    }

    private static Set<ObjectName> beansOf(CacheManager manager) throws Exception {
        String managerPart = JmxRegistration.objectName("CacheStatistics", manager.getURI().toString(), "x")
                .getKeyProperty("CacheManager");
        return MBEANS.queryNames(new ObjectName("javax.cache:CacheManager=" + managerPart + ",*"), null);
    }

    private static MutableConfiguration<String, String> managed() {
        return new MutableConfiguration<String, String>().setStatisticsEnabled(true).setManagementEnabled(true);
    }

    private static CacheManager open(RedisServer server, URI uri) {
        Properties properties = new Properties();
        properties.setProperty(ManagerSettings.URL, server.uri().toString());
        properties.setProperty(ManagerSettings.NAMESPACE, "jmx");
        return Caching.getCachingProvider().getCacheManager(uri, JmxNamesTest.class.getClassLoader(), properties);
    }
}
