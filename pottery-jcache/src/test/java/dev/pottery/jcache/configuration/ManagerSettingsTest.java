package dev.pottery.jcache.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ManagerSettingsTest {

    @Test
    void aRedisUrlManagerUriIsTheServerAndUsesTheDefaultNamespace() {
        ManagerSettings settings = ManagerSettings.of(URI.create("redis://cache-host:6400/2"), new Properties(), null);
        assertThat(settings.redisUrl()).isEqualTo("redis://cache-host:6400/2");
        assertThat(settings.namespace()).isEqualTo("default");
        assertThat(settings.address()).isEqualTo("cache-host:6400");
    }

    @Test
    void anyOtherManagerUriIsANamespaceOnTheServerNamedInTheProperties() {
        Properties properties = new Properties();
        properties.setProperty(ManagerSettings.URL, "redis://elsewhere:7000");
        ManagerSettings settings = ManagerSettings.of(URI.create("pottery:orders"), properties, null);
        assertThat(settings.redisUrl()).isEqualTo("redis://elsewhere:7000");
        assertThat(settings.namespace()).isEqualTo("pottery:orders");
    }

    @Test
    void propertiesOverrideEveryDefault() {
        Properties properties = new Properties();
        properties.setProperty(ManagerSettings.KEY_PREFIX, "app");
        properties.setProperty(ManagerSettings.NAMESPACE, "shop");
        properties.setProperty(ManagerSettings.TIMEOUT, "750");
        properties.setProperty(ManagerSettings.POOL_SIZE, "4");
        properties.setProperty(ManagerSettings.SWEEP_INTERVAL, "0");
        ManagerSettings settings = ManagerSettings.of(URI.create("redis://h:1"), properties, null);
        assertThat(settings.keyPrefix()).isEqualTo("app");
        assertThat(settings.namespace()).isEqualTo("shop");
        assertThat(settings.timeoutMillis()).isEqualTo(750);
        assertThat(settings.poolSize()).isEqualTo(4);
        assertThat(settings.sweepIntervalMillis()).isZero();
    }

    @Test
    void aNonNumericTimeoutIsRejectedNamingTheProperty() {
        Properties properties = new Properties();
        properties.setProperty(ManagerSettings.TIMEOUT, "soon");
        assertThatThrownBy(() -> ManagerSettings.of(URI.create("redis://h:1"), properties, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ManagerSettings.TIMEOUT)
                .hasMessageContaining("soon");
    }

    @Test
    void credentialsNeverAppearInTheShownUrl() {
        assertThat(ManagerSettings.withoutUserInfo("redis://user:secret@host:6379/1")).isEqualTo("redis://host:6379/1");
        assertThat(ManagerSettings.withoutUserInfo("redis://host:6379")).isEqualTo("redis://host:6379");
    }
}
