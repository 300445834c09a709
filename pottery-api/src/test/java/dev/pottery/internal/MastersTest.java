package dev.pottery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pottery.testing.RedisServerGroup;
import dev.pottery.testing.RedisServers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@RedisServers(count = 3)
class MastersTest {

    @Test
    void quorumIsMoreThanHalf(RedisServerGroup group) {
        assertThat(new Masters(group.clients().subList(0, 1)).quorum()).isEqualTo(1);
        assertThat(new Masters(group.clients().subList(0, 2)).quorum()).isEqualTo(2);
        assertThat(new Masters(group.clients()).quorum()).isEqualTo(2);
    }

    @Test
    void mastersAreNamedByTheirEndpoint(RedisServerGroup group) {
        assertThat(new Masters(group.clients()).names()).containsExactly(
                group.servers().stream().map(s -> s.host() + ":" + s.port()).toArray(String[]::new));
    }

    @Test
    void aPausedMasterCountsAsFailedAfterTheTimeout(RedisServerGroup group) {
        Masters masters = new Masters(group.clients());
        group.get(1).pause();
        Replies<String> pinged = masters.call(redis -> redis.ping(), "PONG"::equals, 3, Duration.ofMillis(200));
        assertThat(pinged.reached()).isFalse();
        assertThat(pinged.successes()).containsExactly("PONG", "PONG");
        assertThat(pinged.failures()).containsOnlyKeys(masters.names().get(1));
        assertThat(pinged.failures().get(masters.names().get(1))).isEqualTo("no reply within 200 ms");
    }

    @Test
    void returnsAsSoonAsSuccessBecomesImpossible(RedisServerGroup group) {
        Masters masters = new Masters(group.clients());
        group.get(2).pause();
        // Two refusals out of three: a quorum of "yes" cannot come, so the paused master is not awaited.
        Replies<String> refused = masters.call(redis -> redis.ping(), "yes"::equals, 2, Duration.ofSeconds(30));
        assertThat(refused.reached()).isFalse();
        assertThat(refused.refusals()).isEqualTo(2);
        assertThat(refused.failures()).isEmpty();
    }

    @Test
    void errorsAreFailuresWithTheirMessage(RedisServerGroup group) {
        Masters masters = new Masters(group.clients());
        group.clients().get(0).set("text", "not a number");
        Replies<Long> incremented = masters.call(redis -> redis.incr("text"), any -> true, 3, Duration.ofSeconds(5));
        assertThat(incremented.failures()).containsOnlyKeys(masters.names().get(0));
        assertThat(incremented.failures().get(masters.names().get(0))).contains("not an integer");
    }

    @Test
    void callAfterRunsOnEachMasterOnlyAfterThePreviousCommandThere(RedisServerGroup group) {
        Masters masters = new Masters(group.clients());
        Replies<String> slow = masters.call(redis -> {
            sleep(300);
            return redis.set("order", "first");
        }, "OK"::equals, 3, Duration.ofMillis(20));
        assertThat(slow.reached()).isFalse();
        masters.callAfter(slow, redis -> redis.set("order", "second"), "OK"::equals, 3, Duration.ofSeconds(5));
        await().untilAsserted(() -> assertThat(group.clients())
                .allSatisfy(redis -> assertThat(redis.get("order")).isEqualTo("second")));
    }

    @Test
    void rejectsTwoClientsOfOneServer(RedisServerGroup group) {
        try (var again = group.get(0).newClient()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Masters(List.of(group.clients().get(0), again)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same server");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
