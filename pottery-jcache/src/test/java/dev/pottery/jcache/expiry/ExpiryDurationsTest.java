package dev.pottery.jcache.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import org.junit.jupiter.api.Test;

class ExpiryDurationsTest {

    @Test
    void aStandardPolicyIsReadOnceAndSentWithEveryCall() {
        ExpiryDurations durations = ExpiryDurations.of(new ModifiedExpiryPolicy(new Duration(TimeUnit.SECONDS, 2)));
        assertThat(durations.isConstant()).isTrue();
        assertThat(durations.creation()).isEqualTo(2000);
        assertThat(durations.update()).isEqualTo(2000);
        assertThat(durations.access()).isEqualTo(ExpiryDurations.UNCHANGED);
    }

    @Test
    void aCustomPolicyIsAskedOnlyForTheCaseTheScriptNames() {
        AtomicInteger creations = new AtomicInteger();
        AtomicInteger updates = new AtomicInteger();
        ExpiryPolicy custom = new ExpiryPolicy() {
            @Override
            public Duration getExpiryForCreation() {
                creations.incrementAndGet();
                return Duration.ZERO;
            }

            @Override
            public Duration getExpiryForAccess() {
                return null;
            }

            @Override
            public Duration getExpiryForUpdate() {
                updates.incrementAndGet();
                return Duration.ETERNAL;
            }
        };
        ExpiryDurations durations = ExpiryDurations.of(custom);

        assertThat(durations.creation()).isEqualTo(ExpiryDurations.ASK);
        assertThat(creations).hasValue(0);
        assertThat(durations.ask("create")).isZero();
        assertThat(durations.ask("access")).isEqualTo(ExpiryDurations.UNCHANGED);
        assertThat(creations).hasValue(1);
        assertThat(updates).hasValue(0);
        assertThat(durations.ask("update")).isEqualTo(ExpiryDurations.ETERNAL);
    }

    @Test
    void aNullCreationDurationMeansEternalAndAThrowingPolicyChangesNothing() {
        ExpiryPolicy broken = new ExpiryPolicy() {
            @Override
            public Duration getExpiryForCreation() {
                return null;
            }

            @Override
            public Duration getExpiryForAccess() {
                throw new IllegalStateException("broken");
            }

            @Override
            public Duration getExpiryForUpdate() {
                throw new IllegalStateException("broken");
            }
        };
        ExpiryDurations durations = ExpiryDurations.of(broken);
        assertThat(durations.askCreation()).isEqualTo(ExpiryDurations.ETERNAL);
        assertThat(durations.askAccess()).isEqualTo(ExpiryDurations.UNCHANGED);
        assertThat(durations.askUpdate()).isEqualTo(ExpiryDurations.UNCHANGED);
    }
}
