package dev.pottery.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pottery.testing.RedisServerGroup;
import dev.pottery.testing.RedisServers;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/** The Redis layout Python pottery's Redlock reads and writes, so Java and Python exclude each other. */
@RedisServers(count = 5)
class RedlockWireFormatTest {

    private static final String UUID4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Test
    void heldLockIsOneUuid4TokenAtRedlockKeyWithAutoReleaseTtlOnEveryMaster(RedisServerGroup group) {
        List<UnifiedJedis> masters = group.clients();
        Redlock lock = new Redlock("printer", masters);
        lock.lock();
        // lock() returns on a quorum: master 0's SET may still be on its way.
        String token = await().until(() -> masters.get(0).get("redlock:printer"), java.util.Objects::nonNull);
        assertThat(token).matches(UUID4);
        // lock() returns on a quorum; the other masters' SETs may still be on their way.
        await().untilAsserted(() -> assertThat(masters).allSatisfy(master -> {
            assertThat(master.get("redlock:printer")).isEqualTo(token);
            assertThat(master.pttl("redlock:printer")).isBetween(9_000L, 10_000L);
        }));
        lock.unlock();
        lock.lock();
        // A quorum holds the new token (a slow master may still be releasing the old one and refuse it).
        List<String> values = masters.stream().map(master -> master.get("redlock:printer")).toList();
        String next = values.stream().filter(v -> v != null && !v.equals(token)).findFirst().orElseThrow();
        assertThat(next).as("a fresh token per acquisition").matches(UUID4);
        assertThat(values.stream().filter(next::equals).count()).isGreaterThanOrEqualTo(3);
        lock.unlock();
    }

    @Test
    void lockHeldTheWayPythonTakesItExcludesJava(RedisServerGroup group) {
        List<UnifiedJedis> masters = group.clients();
        String pythonToken = UUID.randomUUID().toString();
        for (UnifiedJedis master : masters.subList(0, 3)) {
            master.set("redlock:printer", pythonToken, SetParams.setParams().nx().px(10_000));
        }
        Redlock lock = new Redlock("printer", masters);
        assertThat(lock.tryLock()).isFalse();
        assertThat(masters.get(0).get("redlock:printer")).as("never released by a non-holder").isEqualTo(pythonToken);
        masters.subList(0, 3).forEach(master -> master.del("redlock:printer"));
        assertThat(lock.tryLock()).isTrue();
        lock.unlock();
    }

    @Test
    void lockHeldByJavaRefusesPythonsSetNx(RedisServerGroup group) {
        List<UnifiedJedis> masters = group.clients();
        Redlock lock = new Redlock("printer", masters);
        lock.lock();
        // lock() returns on a quorum; the SET on the last master may still be on its way.
        await().until(() -> masters.stream().allMatch(master -> master.exists("redlock:printer")));
        String python = UUID.randomUUID().toString();
        assertThat(masters).allSatisfy(master ->
                assertThat(master.set("redlock:printer", python, SetParams.setParams().nx().px(10_000))).isNull());
        lock.unlock();
        // unlock() returns on a quorum; master 0's release may still be on its way.
        await().until(() -> masters.get(0).set("redlock:printer", python, SetParams.setParams().nx().px(10_000)),
                "OK"::equals);
    }
}
