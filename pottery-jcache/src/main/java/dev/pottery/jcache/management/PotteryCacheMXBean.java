package dev.pottery.jcache.management;

import java.util.function.Supplier;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.management.CacheMXBean;

/**
 * A cache's configuration as the spec's {@link CacheMXBean}; it reads the live configuration, so enabling
 * statistics later shows up here.
 *
 * <pre>{@code
 * CacheMXBean bean = new PotteryCacheMXBean(() -> cache.getConfiguration(CompleteConfiguration.class));
 * bean.isStoreByValue();   // true
 * }</pre>
 */
public final class PotteryCacheMXBean implements CacheMXBean {

    private final Supplier<CompleteConfiguration<?, ?>> configuration;

    /** A bean reading the configuration {@code configuration} supplies. */
    public PotteryCacheMXBean(Supplier<CompleteConfiguration<?, ?>> configuration) {
        this.configuration = configuration;
    }

    @Override
    public String getKeyType() {
        return configuration.get().getKeyType().getName();
    }

    @Override
    public String getValueType() {
        return configuration.get().getValueType().getName();
    }

    @Override
    public boolean isReadThrough() {
        return configuration.get().isReadThrough();
    }

    @Override
    public boolean isWriteThrough() {
        return configuration.get().isWriteThrough();
    }

    @Override
    public boolean isStoreByValue() {
        return configuration.get().isStoreByValue();
    }

    @Override
    public boolean isStatisticsEnabled() {
        return configuration.get().isStatisticsEnabled();
    }

    @Override
    public boolean isManagementEnabled() {
        return configuration.get().isManagementEnabled();
    }
}
