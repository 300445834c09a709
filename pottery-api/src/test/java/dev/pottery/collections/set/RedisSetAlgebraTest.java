package dev.pottery.collections.set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pottery.PotteryException;
import dev.pottery.codec.JsonCodec;
import dev.pottery.collections.CommandStats;
import dev.pottery.testing.RedisDeployment;
import dev.pottery.testing.RedisServers;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * Pottery's union, intersection and difference, in Redis when possible and locally otherwise. The keys
 * share the hash tag {@code {s}}, so on a cluster too they sit in one slot and the algebra runs in Redis.
 */
@RedisServers
class RedisSetAlgebraTest {

    private RedisSet<Object> a;
    private RedisSet<Object> b;
    private RedisSet<Object> c;

    @BeforeEach
    void fill(UnifiedJedis redis) {
        a = new RedisSet<>(redis, "{s}a", List.of(1L, 2L, 3L, 4L));
        b = new RedisSet<>(redis, "{s}b", List.of(3L, 4L, 5L));
        c = new RedisSet<>(redis, "{s}c", List.of(4L, 6L));
    }

    @Test
    void algebraOnTheSameClientIsOneRedisCommand(UnifiedJedis redis) {
        CommandStats stats = CommandStats.start(redis);
        assertThat(a.union(b, c)).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(a.intersection(b, c)).containsExactly(4L);
        assertThat(a.difference(b)).containsExactlyInAnyOrder(1L, 2L);
        assertThat(stats.delta()).containsExactlyInAnyOrderEntriesOf(Map.of("sunion", 1L, "sinter", 1L, "sdiff", 1L));
    }

    @Test
    void storeFormsWriteANewKeyAndOpenIt(UnifiedJedis redis) {
        CommandStats stats = CommandStats.start(redis);
        RedisSet<Object> union = a.unionStore("{s}u", b);
        RedisSet<Object> inter = a.intersectionStore("{s}i", b);
        RedisSet<Object> diff = a.differenceStore("{s}d", b, c);
        assertThat(stats.delta()).containsExactlyInAnyOrderEntriesOf(
                Map.of("sunionstore", 1L, "sinterstore", 1L, "sdiffstore", 1L));
        assertThat(union.key()).isEqualTo("{s}u");
        assertThat(union.toSet()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
        assertThat(inter.toSet()).containsExactlyInAnyOrder(3L, 4L);
        assertThat(diff.toSet()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(redis.smembers("{s}i")).containsExactlyInAnyOrder("3", "4");
    }

    @Test
    void withNoOthersTheResultIsTheSetItself() {
        assertThat(a.union()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(a.intersection()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
    }

    @Test
    void localCollectionsAndOtherClientsAreCombinedClientSide(RedisDeployment server, UnifiedJedis redis) {
        try (UnifiedJedis otherClient = server.newClient()) {
            RedisSet<Object> bElsewhere = new RedisSet<>(otherClient, "{s}b");
            CommandStats stats = CommandStats.start(redis);
            assertThat(a.union(bElsewhere, Set.of(9L))).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 9L);
            assertThat(a.intersection(List.of(2L, 3L, 7L))).containsExactlyInAnyOrder(2L, 3L);
            assertThat(a.difference(bElsewhere)).containsExactlyInAnyOrder(1L, 2L);
            assertThat(stats.delta()).doesNotContainKeys("sunion", "sinter", "sdiff");
            RedisSet<Object> stored = a.differenceStore("{s}d", Set.of(1L), bElsewhere);
            assertThat(redis.smembers("{s}d")).containsExactly("2");
            assertThat(stored.toSet()).containsExactly(2L);
            a.intersectionStore("{s}d", Set.of(42L));
            assertThat(redis.exists("{s}d")).as("an empty result leaves no key, as Redis does").isFalse();
        }
    }

    @Test
    void storeReplacesAnExistingDestination(UnifiedJedis redis) {
        redis.sadd("{s}u", "\"old\"");
        a.unionStore("{s}u", Set.of(0L));
        assertThat(redis.smembers("{s}u")).containsExactlyInAnyOrder("0", "1", "2", "3", "4");
    }

    @Test
    void subsetAndSupersetCompareWithAnyCollection(UnifiedJedis redis) {
        RedisSet<Object> small = new RedisSet<>(redis, "{s}small", List.of(3L, 4L));
        assertThat(small.isSubset(a)).isTrue();
        assertThat(small.isSubset(b)).isTrue();
        assertThat(small.isSubset(c)).isFalse();
        assertThat(a.isSuperset(small)).isTrue();
        assertThat(a.isSuperset(List.of(1L, 9L))).isFalse();
        assertThat(small.isSubset(Set.of(3L, 4L, 5L))).isTrue();
        assertThat(small.isSubset(small)).isTrue();
    }

    @Test
    void typedJsonSetsCombineInRedisWithTheDefaultJsonSets(UnifiedJedis redis) {
        RedisSet<Long> typed = RedisSet.builder(redis).key("{s}typed").codec(JsonCodec.of(Long.class)).build();
        typed.addAll(List.of(4L, 10L));
        CommandStats stats = CommandStats.start(redis);
        assertThat(typed.intersection(a)).containsExactly(4L);
        assertThat(stats.delta()).containsEntry("sinter", 1L);
    }

    @Test
    void anOperandThatIsNotASetIsAClearErrorNamingTheKeys(UnifiedJedis redis) {
        redis.rpush("{s}list", "1");
        RedisSet<Object> notASet = new RedisSet<>(redis, "{s}list");
        assertThatThrownBy(() -> a.union(notASet)).isInstanceOf(PotteryException.class)
                .hasMessageContaining("'{s}list' is a list").hasMessageContaining("'{s}a' is a set");
    }
}
