package dev.pottery.jcache.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryListener;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.Duration;
import org.junit.jupiter.api.Test;

class ConfigRecordTest {

    @Test
    void aConfigurationSurvivesTheRoundTripThroughItsRecord() {
        MutableConfiguration<String, Long> configuration = new MutableConfiguration<String, Long>()
                .setTypes(String.class, Long.class)
                .setExpiryPolicyFactory(AccessedExpiryPolicy.factoryOf(new Duration(TimeUnit.SECONDS, 30)))
                .setManagementEnabled(true);

        CompleteConfiguration<String, Long> back =
                ConfigRecord.decode(ConfigRecord.encode(configuration), getClass().getClassLoader());

        assertThat(back.getKeyType()).isEqualTo(String.class);
        assertThat(back.getValueType()).isEqualTo(Long.class);
        assertThat(back.isManagementEnabled()).isTrue();
        assertThat(back.getExpiryPolicyFactory().create().getExpiryForAccess())
                .isEqualTo(new Duration(TimeUnit.SECONDS, 30));
    }

    @Test
    void aFactoryThatIsNotReallySerializableIsLeftOutAndTheRestKept() {
        Object notSerializable = new Object();
        Factory<CacheEntryListener<? super String, ? super String>> capturing = new Factory<>() {
            private static final long serialVersionUID = 1L;
            private final Object held = notSerializable;

            @Override
            public CacheEntryListener<? super String, ? super String> create() {
                return (CacheEntryCreatedListener<String, String>) events -> held.hashCode();
            }
        };
        MutableConfiguration<String, String> configuration = new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setStatisticsEnabled(true)
                .addCacheEntryListenerConfiguration(
                        new MutableCacheEntryListenerConfiguration<>(capturing, null, false, true));

        CompleteConfiguration<String, String> back =
                ConfigRecord.decode(ConfigRecord.encode(configuration), getClass().getClassLoader());

        assertThat(back.getKeyType()).isEqualTo(String.class);
        assertThat(back.isStatisticsEnabled()).isTrue();
        assertThat(back.getCacheEntryListenerConfigurations()).isEmpty();
    }
}
