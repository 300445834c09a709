package dev.pottery.examples;

import java.io.PrintStream;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.spi.CachingProvider;

/** The JCache part of the walkthrough: a standard JSR-107 cache whose entries live in Redis. */
final class JCacheTour {

    private final URI redisUrl;
    private final PrintStream out;

    JCacheTour(URI redisUrl, PrintStream out) {
        this.redisUrl = redisUrl;
        this.out = out;
    }

    void run() {
        CachingProvider provider = Caching.getCachingProvider();
        try (CacheManager manager = provider.getCacheManager(redisUrl, getClass().getClassLoader())) {
            MutableConfiguration<String, Integer> config = new MutableConfiguration<String, Integer>()
                    .setTypes(String.class, Integer.class)
                    .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MINUTES, 10)));
            Cache<String, Integer> scores = manager.getCache("quickstart-scores", String.class, Integer.class);
            if (scores == null) {
                scores = manager.createCache("quickstart-scores", config);
            }
            scores.put("ada", 3);
            scores.invoke("ada", (entry, args) -> {
                entry.setValue(entry.getValue() + 1);
                return null;
            });
            out.println("  provider " + provider.getClass().getSimpleName() + "; scores.get(\"ada\") after put 3 and an"
                    + " atomic increment = " + scores.get("ada"));
            scores.clear();
            manager.destroyCache("quickstart-scores");
        }
    }
}
