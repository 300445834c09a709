package dev.pottery.jcache;

import dev.pottery.jcache.configuration.PotteryConfiguration;
import java.io.Closeable;
import java.util.List;
import javax.cache.configuration.CacheEntryListenerConfiguration;

/**
 * What one cache holds besides its entries, from open to close: its listeners and MXBeans as configured,
 * the background work the manager's maintenance thread runs for it (lease renewal, the expiry sweep), and the
 * resources its factories created (loader, writer, expiry policy), closed with it.
 *
 * <pre>{@code
 * CacheLifecycle lifecycle = new CacheLifecycle(context, configuration, mbeans, closeables);
 * lifecycle.start();          // listeners registered, MXBeans registered as configured
 * lifecycle.statistics(true); // CacheManager.enableStatistics
 * lifecycle.close();          // MXBeans unregistered, listeners and Closeable factories' products closed
 * }</pre>
 *
 * @param <K> key type
 * @param <V> value type
 */
final class CacheLifecycle<K, V> {

    private final CacheContext<K, V> context;
    private final PotteryConfiguration<K, V> configuration;
    private final CacheMBeans mbeans;
    private final List<Object> closeables;
    private final ExpirySweep sweep;

    CacheLifecycle(CacheContext<K, V> context, PotteryConfiguration<K, V> configuration, CacheMBeans mbeans,
                   List<Object> closeables) {
        this.context = context;
        this.configuration = configuration;
        this.mbeans = mbeans;
        this.closeables = closeables;
        this.sweep = new ExpirySweep(context);
    }

    /** Registers the configured listeners and, as configured, the MXBeans. */
    void start() {
        for (CacheEntryListenerConfiguration<K, V> listener : configuration.getCacheEntryListenerConfigurations()) {
            context.events().register(listener);
        }
        mbeans.management(configuration.isManagementEnabled());
        mbeans.statistics(configuration.isStatisticsEnabled());
    }

    /** Registers a listener and records it in the configuration. */
    void register(CacheEntryListenerConfiguration<K, V> listener) {
        context.events().register(listener);
        configuration.addCacheEntryListenerConfiguration(listener);
    }

    /** Deregisters a listener and removes it from the configuration. */
    void deregister(CacheEntryListenerConfiguration<K, V> listener) {
        if (context.events().deregister(listener)) {
            configuration.removeCacheEntryListenerConfiguration(listener);
        }
    }

    /** Turns statistics (and their MXBean) on or off. */
    void statistics(boolean enabled) {
        configuration.setStatisticsEnabled(enabled);
        context.statistics().enable(enabled);
        mbeans.statistics(enabled);
    }

    /** Turns the configuration MXBean on or off. */
    void management(boolean enabled) {
        configuration.setManagementEnabled(enabled);
        mbeans.management(enabled);
    }

    /**
     * Renews the leases this JVM holds on the cache's entries and its listening mark and, when
     * {@code sweepNow}, reclaims expired entries.
     */
    void maintain(boolean sweepNow) {
        context.leases().renewHeld();
        context.events().renewMark();
        if (sweepNow) {
            sweep.run();
        }
    }

    /** Unregisters the MXBeans and closes the listeners and the resources the cache's factories made. */
    void close() {
        mbeans.unregisterAll();
        context.events().close();
        for (Object resource : closeables) {
            if (resource instanceof Closeable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // Best effort: one failing resource must not keep the others open.
                }
            }
        }
    }
}
