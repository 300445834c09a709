package dev.pottery.jcache;

import dev.pottery.jcache.configuration.ManagerSettings;
import java.net.URI;
import java.util.Properties;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.CompleteConfiguration;

/**
 * The second JVM of {@link CrossJvmTest}: opens the cache the test created (by name only, so from the
 * configuration recorded in Redis), reports its key type, and changes one entry three times.
 */
public final class OtherJvm {

    private OtherJvm() {
    }

    /** Arguments: Redis URL, namespace, cache name. */
    public static void main(String[] args) {
        Properties properties = new Properties();
        properties.setProperty(ManagerSettings.URL, args[0]);
        properties.setProperty(ManagerSettings.NAMESPACE, args[1]);
        properties.setProperty(ManagerSettings.SWEEP_INTERVAL, "0");
        CacheManager manager = Caching.getCachingProvider()
                .getCacheManager(URI.create("pottery:other-jvm"), OtherJvm.class.getClassLoader(), properties);
        Cache<String, String> cache = manager.getCache(args[2]);
        @SuppressWarnings("unchecked")
        CompleteConfiguration<String, String> configuration = cache.getConfiguration(CompleteConfiguration.class);
        System.out.println("key type " + configuration.getKeyType().getName());
        System.out.println("read " + cache.get("from-test"));
        cache.put("from-other-jvm", "1");
        cache.put("from-other-jvm", "2");
        cache.remove("from-other-jvm");
        manager.close();
    }
}
