package dev.pottery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pottery.testing.RedisServerGroup;
import dev.pottery.testing.RedisServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

@RedisServers(count = 3)
class MastersTest {

    private static final Duration LONG = Duration.ofSeconds(30);

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
    void aPausedMasterCountsAsFailedWithinTheTimeout(RedisServerGroup group) {
        Masters masters = new Masters(group.clients());
        group.get(1).pause();
        long start = System.nanoTime();
        Replies<String> pinged = masters.call(MasterCommand.get("k"), any -> true, 3, Duration.ofMillis(150));
        assertThat(pinged.reached()).isFalse();
        assertThat(pinged.successes()).hasSize(2);
        assertThat(pinged.failures()).containsOnlyKeys(masters.names().get(1));
        assertThat(pinged.failures().get(masters.names().get(1))).contains("no reply");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aStalledMasterIsNotWaitedForWhenTheOutcomeDependsOnIt(RedisServerGroup group) {
        Masters masters = new Masters(group.clients());
        group.get(2).pause();
        // All three are needed, so the caller could only wait for the paused master: it is given up
        // as stalled long before the 30 s limit.
        Replies<String> first = masters.call(MasterCommand.get("k"), any -> true, 3, LONG);
        assertThat(first.failures().get(masters.names().get(2))).startsWith("stalled: no reply for");
        // While its round trip is out, new commands for it fail at once instead of queueing.
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            Replies<String> next = masters.call(MasterCommand.get("k"), any -> true, 3, LONG);
            assertThat(next.failures()).containsOnlyKeys(masters.names().get(2));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void returnsAsSoonAsSuccessBecomesImpossible(RedisServerGroup group) {
        Masters masters = new Masters(group.clients());
        group.get(2).pause();
        // Two refusals out of three: a quorum of "yes" cannot come, so the paused master is not awaited.
        Replies<String> refused = masters.call(MasterCommand.get("k"), "yes"::equals, 2, LONG);
        assertThat(refused.reached()).isFalse();
        assertThat(refused.refusals()).isEqualTo(2);
        assertThat(refused.failures()).isEmpty();
    }

    @Test
    void errorsAreFailuresWithTheirMessage(RedisServerGroup group) {
        Masters masters = new Masters(group.clients());
        group.clients().get(0).set("text", "not a number");
        Replies<Long> incremented = masters.call(MasterCommand.direct(redis -> redis.incr("text")), any -> true, 3,
                Duration.ofSeconds(5));
        assertThat(incremented.failures()).containsOnlyKeys(masters.names().get(0));
        assertThat(incremented.failures().get(masters.names().get(0))).contains("not an integer");
    }

    @Test
    void eachMasterRunsCommandsInTheOrderTheyWereSentEvenAfterTheCallerStoppedWaiting(RedisServerGroup group) {
        Masters masters = new Masters(group.clients());
        Replies<String> slow = masters.call(MasterCommand.direct(redis -> {
            sleep(300);
            return redis.set("order", "first");
        }), "OK"::equals, 3, Duration.ofMillis(20));
        assertThat(slow.reached()).isFalse();
        // Must run: a lane busy for 300 ms looks stalled, and droppable commands would not be queued.
        masters.post(slow, MasterCommand.set("order", "second", SetParams.setParams()).mustRun());
        await().untilAsserted(() -> assertThat(group.clients())
                .allSatisfy(redis -> assertThat(redis.get("order")).isEqualTo("second")));
    }

    @Test
    void commandsOfManyCallersShareRoundTripsAndKeepTheirOrderPerMaster(RedisServerGroup group) throws Exception {
        Masters masters = new Masters(group.clients());
        List<CompletableFuture<Replies<Object>>> appended = new ArrayList<>();
        LuaScript append = LuaScript.fromResource(MastersTest.class, "append.lua");
        for (int i = 0; i < 500; i++) {
            appended.add(masters.send(MasterCommand.script(append, "log", List.of(i + ",")), any -> true, 3, LONG));
        }
        for (CompletableFuture<Replies<Object>> replies : appended) {
            assertThat(replies.get(30, TimeUnit.SECONDS).reached()).isTrue();
        }
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            expected.append(i).append(',');
        }
        assertThat(group.clients()).allSatisfy(redis -> assertThat(redis.get("log")).isEqualTo(expected.toString()));
    }

    @Test
    void callAfterAsksOnlyTheMastersThePreviousCommandWasSentTo(RedisServerGroup group) {
        Masters masters = new Masters(group.clients());
        group.get(0).pause();
        Replies<String> warmUp = masters.call(MasterCommand.get("k"), any -> true, 3, LONG);
        assertThat(warmUp.failures()).containsOnlyKeys(masters.names().get(0));
        // Master 0 is stalled now: a droppable SET is not even queued for it...
        Replies<String> set = masters.call(MasterCommand.set("k", "v", SetParams.setParams()), "OK"::equals, 2, LONG);
        assertThat(set.reached()).as(set.toString()).isTrue();
        // ...so what follows it is not sent there either, and counts as a refusal without waiting.
        Replies<Long> deleted = masters.callAfter(set, MasterCommand.del("k"), one -> one == 1L, 2, LONG);
        assertThat(deleted.successes()).as(deleted.toString()).hasSize(2);
        assertThat(deleted.refusals()).isEqualTo(1);
        assertThat(deleted.failures()).isEmpty();
    }

    @Test
    void aCommandThatMustRunReachesEveryMasterEvenWhenTheOutcomeIsKnownFirst(RedisServerGroup group) {
        Masters masters = new Masters(group.clients());
        // One success decides it: the caller returns, and the other two masters still get the command.
        Replies<String> set = masters.call(MasterCommand.set("k", "v", SetParams.setParams()).mustRun(), "OK"::equals, 1,
                LONG);
        assertThat(set.reached()).isTrue();
        await().untilAsserted(() -> assertThat(group.clients()).allSatisfy(redis -> assertThat(redis.get("k")).isEqualTo("v")));
    }

    @Test
    void aStallCountsAsATransientFailureUntilItLasts(RedisServerGroup group) {
        Masters masters = new Masters(group.clients());
        group.get(1).pause();
        Replies<String> first = masters.call(MasterCommand.get("k"), any -> true, 3, LONG);
        assertThat(first.failures()).containsOnlyKeys(masters.names().get(1));
        assertThat(first.lastingFailures(Duration.ofSeconds(5))).isZero();
        assertThat(first.lastingFailures(Duration.ZERO)).isEqualTo(1);
        group.get(2).kill(); // an error always counts
        Replies<String> second = masters.call(MasterCommand.get("k"), any -> true, 2, LONG);
        assertThat(second.failures()).containsOnlyKeys(masters.names().get(1), masters.names().get(2));
        assertThat(second.lastingFailures(Duration.ofSeconds(5))).isEqualTo(1);
    }

    @Test
    void rejectsTwoClientsOfOneServer(RedisServerGroup group) {
        try (var again = group.get(0).newClient()) {
            assertThatThrownBy(() -> new Masters(List.of(group.clients().get(0), again)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same server");
        }
    }

    @Test
    void aMasterDownAtConstructionIsNamedByItsAddressAndRefusedTwice(RedisServerGroup group) {
        String down = group.get(0).host() + ":" + group.get(0).port();
        group.get(0).kill();
        try (RedisClient first = group.get(0).newClient(); RedisClient again = group.get(0).newClient()) {
            assertThatThrownBy(() -> new Masters(List.of(first, again, group.clients().get(1))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same server: " + down);
            Masters masters = new Masters(List.of(first, group.clients().get(1), group.clients().get(2)));
            assertThat(masters.names().get(0)).isEqualTo(down);
            Replies<String> read = masters.call(MasterCommand.get("key"), any -> true, 3, LONG);
            assertThat(read.failures()).containsOnlyKeys(down);
        }
    }

    @Test
    void aMasterRefusingOurPasswordIsNamedByItsAddressWithoutThePassword(RedisServerGroup group) {
        String endpoint = group.get(0).host() + ":" + group.get(0).port();
        try (RedisClient refused = group.get(0).newClient(group.get(0).clientConfig("nobody", "Sup3rSecretPw"))) {
            Masters masters = new Masters(List.of(refused, group.clients().get(1), group.clients().get(2)));
            assertThat(masters.names()).doesNotContain("master #0").first().isEqualTo(endpoint);
            Replies<String> read = masters.call(MasterCommand.get("key"), any -> true, 3, LONG);
            assertThat(read.failures()).containsOnlyKeys(endpoint);
            assertThat(read.toString()).doesNotContain("Sup3rSecretPw");
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
