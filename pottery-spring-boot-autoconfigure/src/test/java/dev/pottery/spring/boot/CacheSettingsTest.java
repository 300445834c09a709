package dev.pottery.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pottery.spring.boot.CacheSettings.Expiry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How one cache's settings combine with the defaults. */
class CacheSettingsTest {

    private static final CacheSettings DEFAULTS = new CacheSettings(null, Duration.ofMinutes(10), ValueCodec.JSON, null, null);

    @Test
    void aSettingLeftOutIsInherited() {
        CacheSettings merged = new CacheSettings(null, null, null, false, null).over(DEFAULTS);

        assertThat(merged).isEqualTo(new CacheSettings(null, Duration.ofMinutes(10), ValueCodec.JSON, false, null));
        assertThat(merged.effectiveExpiry()).isEqualTo(Expiry.CREATED);
    }

    @Test
    void aPolicyWithoutItsOwnDurationTakesTheDefaultDuration() {
        CacheSettings merged = new CacheSettings(Expiry.ACCESSED, null, null, null, null).over(DEFAULTS);

        assertThat(merged.effectiveExpiry()).isEqualTo(Expiry.ACCESSED);
        assertThat(merged.expiryDuration()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void eternalDropsTheDefaultDuration() {
        CacheSettings merged = new CacheSettings(Expiry.ETERNAL, null, null, null, null).over(DEFAULTS);

        assertThat(merged.effectiveExpiry()).isEqualTo(Expiry.ETERNAL);
        assertThat(merged.expiryDuration()).isNull();
    }

    @Test
    void aDurationAloneKeepsTheDefaultPolicy() {
        CacheSettings accessed = new CacheSettings(Expiry.ACCESSED, Duration.ofMinutes(1), null, null, null);
        CacheSettings merged = new CacheSettings(null, Duration.ofHours(1), null, null, null).over(accessed);

        assertThat(merged.effectiveExpiry()).isEqualTo(Expiry.ACCESSED);
        assertThat(merged.expiryDuration()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aDurationAloneOverAnEternalDefaultMeansCreated() {
        CacheSettings eternal = new CacheSettings(Expiry.ETERNAL, null, null, null, null);
        CacheSettings merged = new CacheSettings(null, Duration.ofHours(1), null, null, null).over(eternal);

        assertThat(merged.effectiveExpiry()).isEqualTo(Expiry.CREATED);
        assertThat(merged.expiryDuration()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void nothingSetMeansEternalJavaSerializationAndStatistics() {
        CacheSettings none = CacheSettings.INHERIT.over(CacheSettings.INHERIT);

        assertThat(none.effectiveExpiry()).isEqualTo(Expiry.ETERNAL);
        assertThat(none.effectiveCodec()).isEqualTo(ValueCodec.JAVA);
        assertThat(none.effectiveStatistics()).isTrue();
    }

    @Test
    void contradictionsAreRefused() {
        assertThatThrownBy(() -> new CacheSettings(Expiry.ETERNAL, Duration.ofMinutes(1), null, null, null))
                .hasMessageContaining("expiry 'eternal' takes no expiry-duration");
        assertThatThrownBy(() -> new CacheSettings(null, Duration.ofMinutes(-1), null, null, null))
                .hasMessageContaining("must not be negative");
    }

    @Test
    void aNearCacheIsInheritedOverriddenAndNeverNegative() {
        CacheSettings defaults = new CacheSettings(null, null, null, null, 1000);
        assertThat(CacheSettings.INHERIT.over(defaults).nearCache()).isEqualTo(1000);
        assertThat(new CacheSettings(null, null, null, null, 0).over(defaults).nearCache()).isZero();
        assertThatThrownBy(() -> new CacheSettings(null, null, null, null, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("near-cache");
    }
}
