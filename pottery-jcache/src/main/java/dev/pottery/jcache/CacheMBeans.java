package dev.pottery.jcache;

import dev.pottery.jcache.management.JmxRegistration;
import dev.pottery.jcache.management.PotteryCacheMXBean;
import dev.pottery.jcache.management.PotteryCacheStatistics;
import java.util.function.Supplier;
import javax.cache.configuration.CompleteConfiguration;
import javax.management.ObjectName;

/**
 * The two MXBeans of one cache — its configuration ({@code CacheMXBean}) and its statistics
 * ({@code CacheStatisticsMXBean}) — registered with the platform MBean server while enabled, under the spec's
 * names ({@code javax.cache:type=CacheConfiguration|CacheStatistics,CacheManager=<uri>,Cache=<name>}).
 *
 * <pre>{@code
 * CacheMBeans beans = new CacheMBeans(managerUri, "scores", () -> configuration, statistics);
 * beans.statistics(true);   // registered
 * beans.unregisterAll();    // on close
 * }</pre>
 */
final class CacheMBeans {

    private final ObjectName configurationName;
    private final ObjectName statisticsName;
    private final PotteryCacheMXBean configurationBean;
    private final PotteryCacheStatistics statisticsBean;

    CacheMBeans(String managerUri, String cacheName, Supplier<CompleteConfiguration<?, ?>> configuration,
                PotteryCacheStatistics statistics) {
        this.configurationName = JmxRegistration.objectName("CacheConfiguration", managerUri, cacheName);
        this.statisticsName = JmxRegistration.objectName("CacheStatistics", managerUri, cacheName);
        this.configurationBean = new PotteryCacheMXBean(configuration);
        this.statisticsBean = statistics;
    }

    /** Registers or unregisters the configuration bean. */
    void management(boolean enabled) {
        if (enabled) {
            JmxRegistration.register(configurationBean, configurationName);
        } else {
            JmxRegistration.unregister(configurationName);
        }
    }

    /** Registers or unregisters the statistics bean. */
    void statistics(boolean enabled) {
        if (enabled) {
            JmxRegistration.register(statisticsBean, statisticsName);
        } else {
            JmxRegistration.unregister(statisticsName);
        }
    }

    void unregisterAll() {
        JmxRegistration.unregister(configurationName);
        JmxRegistration.unregister(statisticsName);
    }
}
