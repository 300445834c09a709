package dev.pottery.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pottery.PotteryException;
import dev.pottery.QuorumNotAchievedException;
import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServerGroup;
import dev.pottery.testing.RedisServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

@RedisServers(count = 5)
class NextIdTest {

    @Test
    void issuesOneToNineInOrderOnAFreshKey(RedisServerGroup group) {
        NextId ids = new NextId("user-ids", group.clients());
        long[] drawn = LongStream.range(0, 9).map(i -> ids.next()).toArray();
        assertThat(drawn).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(ids.getAsLong()).isEqualTo(10);
        assertThat(ids.current()).isEqualTo(10);
    }

    @Test
    void storesThePlainDecimalNumberAtNextidKeyOnAQuorumOfMastersAsPythonReadsIt(RedisServerGroup group) {
        NextId ids = new NextId("user-ids", group.clients());
        ids.next();
        ids.next();
        ids.next();
        // A claim goes to a quorum of masters (more only when one refuses or fails); the others may
        // lag behind, never ahead, and any quorum Python reads includes one that knows 3.
        List<String> stored = group.clients().stream().map(master -> master.get("nextid:user-ids")).toList();
        assertThat(stored.stream().filter("3"::equals).count()).isGreaterThanOrEqualTo(3);
        assertThat(stored).allSatisfy(value -> assertThat(value).isIn(null, "1", "2", "3"));
        assertThat(new NextId(group.clients()).redisKey()).isEqualTo("nextid:current");
    }

    @Test
    void continuesFromANumberPythonOrAnOperatorStored(RedisServerGroup group) {
        group.clients().forEach(master -> master.set("nextid:user-ids", "41"));
        assertThat(new NextId("user-ids", group.clients()).next()).isEqualTo(42);
    }

    @Test
    void resetStartsAgainFromOneAndResetToAValueContinuesAfterIt(RedisServerGroup group) {
        NextId ids = new NextId("user-ids", group.clients());
        ids.next();
        ids.next();
        ids.reset();
        assertThat(group.clients()).allSatisfy(master -> assertThat(master.exists("nextid:user-ids")).isFalse());
        assertThat(ids.next()).isEqualTo(1);
        ids.reset(1000);
        assertThat(ids.next()).isEqualTo(1001);
    }

    @Test
    void idsAreUniqueAndIncreasingPerCallerAcrossEightThreadsAndTwoGenerators(RedisServerGroup group) throws Exception {
        assertUniqueAndIncreasing(group.clients(), 8, 150);
    }

    @Test
    void idsStayUniqueAndIncreasingWithTwoOfFiveMastersKilled(RedisServerGroup group) throws Exception {
        group.get(1).kill();
        group.get(3).kill();
        assertUniqueAndIncreasing(group.clients(), 8, 100);
    }

    @Test
    void idsNeverGoBackWhenTwoOfFiveMastersLoseTheirValue(RedisServerGroup group) {
        NextId ids = new NextId("user-ids", group.clients());
        for (int i = 0; i < 20; i++) {
            ids.next();
        }
        // As after a restart without persistence: any quorum still includes a master that knows 20.
        group.clients().get(0).del("nextid:user-ids");
        group.clients().get(3).del("nextid:user-ids");
        assertThat(ids.next()).isEqualTo(21);
        assertThat(new NextId("user-ids", group.clients()).next()).isEqualTo(22);
    }

    @Test
    void threeMastersDownThrowsQuorumNotAchievedNamingThem(RedisServerGroup group) {
        NextId ids = new NextId("user-ids", group.clients(), 3, Duration.ofMillis(300));
        ids.next();
        group.get(0).kill();
        group.get(2).pause();
        group.get(4).kill();
        assertThatThrownBy(ids::next)
                .isInstanceOfSatisfying(QuorumNotAchievedException.class, e -> assertThat(e.failedMasters())
                        .containsExactly(endpoint(group.get(0)), endpoint(group.get(2)), endpoint(group.get(4))))
                .hasMessageContaining("nextid:user-ids");
    }

    @Test
    void aValueThatIsNotANumberIsReportedWithItsKey(RedisServerGroup group) {
        group.clients().forEach(master -> master.set("nextid:user-ids", "forty-one"));
        assertThatThrownBy(() -> new NextId("user-ids", group.clients()).next())
                .isInstanceOf(QuorumNotAchievedException.class)
                .hasMessageContaining("nextid:user-ids")
                .hasMessageContaining("not an integer: 'forty-one'");
    }

    @Test
    void idsPastTwoToThe53AdvanceExactlyOneByOne(RedisServerGroup group) {
        NextId ids = new NextId("user-ids", group.clients());
        long twoTo53 = 1L << 53;
        ids.reset(twoTo53);
        assertThat(ids.next()).isEqualTo(twoTo53 + 1); // 2^53 + 1 has no double: Lua numbers would round it
        assertThat(ids.next()).isEqualTo(twoTo53 + 2);
        // Past 2^54 doubles step by 4: a stored 2^54 + 1 and a proposed 2^54 + 2 are equal as Lua numbers.
        long twoTo54 = 1L << 54;
        group.clients().forEach(master -> master.set("nextid:user-ids", Long.toString(twoTo54 + 1)));
        assertThat(ids.next()).isEqualTo(twoTo54 + 2);
        assertThat(ids.next()).isEqualTo(twoTo54 + 3);
        assertThat(ids.current()).isEqualTo(twoTo54 + 3);
    }

    @Test
    void theLastIdIsLongMaxValueAndThenNextThrowsNamingTheKey(RedisServerGroup group) {
        NextId ids = new NextId("user-ids", group.clients());
        ids.reset(Long.MAX_VALUE - 2);
        assertThat(ids.next()).isEqualTo(Long.MAX_VALUE - 1);
        assertThat(ids.next()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(ids::next).isInstanceOf(PotteryException.class)
                .hasMessageContaining("nextid:user-ids").hasMessageContaining("9223372036854775807");
        // Another generator learns the stored value from the masters and stops there too.
        assertThatThrownBy(() -> new NextId("user-ids", group.clients()).next()).isInstanceOf(PotteryException.class)
                .hasMessageContaining("no larger ID fits in a Java long");
        ids.reset();
        assertThat(ids.next()).isEqualTo(1);
    }

    @Test
    void aNumberPythonStoredBeyondLongIsReportedNotWrappedOrRepeated(RedisServerGroup group) {
        group.clients().forEach(master -> master.set("nextid:user-ids", "99999999999999999999"));
        NextId ids = new NextId("user-ids", group.clients());
        assertThatThrownBy(ids::next).isInstanceOf(PotteryException.class)
                .hasMessageContaining("99999999999999999999").hasMessageContaining("nextid:user-ids");
        assertThatThrownBy(ids::current).isInstanceOf(PotteryException.class)
                .hasMessageContaining("does not fit in a Java long");
        // Nothing smaller was stored over it.
        assertThat(group.clients()).allSatisfy(master ->
                assertThat(master.get("nextid:user-ids")).isEqualTo("99999999999999999999"));
    }

    @Test
    void leadingZerosAnOperatorStoredAreReadAsTheNumber(RedisServerGroup group) {
        group.clients().forEach(master -> master.set("nextid:user-ids", "0041"));
        assertThat(new NextId("user-ids", group.clients()).next()).isEqualTo(42);
    }

    @Test
    void nextAsyncIssuesUniqueIdsAboveEveryEarlierOneWithoutBlockingTheCaller(RedisServerGroup group)
            throws Exception {
        NextId ids = new NextId("user-ids", group.clients());
        long before = ids.next();
        List<java.util.concurrent.CompletableFuture<Long>> requested = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            requested.add(ids.nextAsync());
        }
        Set<Long> issued = new HashSet<>();
        for (java.util.concurrent.CompletableFuture<Long> id : requested) {
            long value = id.get(30, TimeUnit.SECONDS);
            assertThat(value).isGreaterThan(before);
            assertThat(issued.add(value)).as("id %d issued twice", value).isTrue();
        }
        assertThat(ids.next()).isGreaterThan(issued.stream().mapToLong(Long::longValue).max().orElseThrow());
    }

    @Test
    void nextAsyncFailsWithQuorumNotAchievedWhenTooFewMastersAnswer(RedisServerGroup group) {
        NextId ids = new NextId("user-ids", group.clients(), 2, Duration.ofMillis(200));
        group.get(0).kill();
        group.get(1).kill();
        group.get(2).kill();
        assertThatThrownBy(() -> ids.nextAsync().get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(QuorumNotAchievedException.class);
    }

    @Test
    void resetNeedsEveryMaster(RedisServerGroup group) {
        NextId ids = new NextId("user-ids", group.clients());
        group.get(2).kill();
        assertThatThrownBy(ids::reset).isInstanceOfSatisfying(QuorumNotAchievedException.class,
                e -> assertThat(e.failedMasters()).containsExactly(endpoint(group.get(2))));
    }

    @Test
    void rejectsBadArguments(RedisServerGroup group) {
        List<UnifiedJedis> masters = group.clients();
        assertThatThrownBy(() -> new NextId("", masters)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NextId("ids", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NextId("ids", masters, 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NextId("ids", masters).reset(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFlushOfTheMastersScriptsCostsNoTry(RedisServerGroup group) {
        NextId ids = new NextId("user-ids", List.of(group.client()), 1, Duration.ofSeconds(1));
        assertThat(ids.next()).isEqualTo(1);
        try (UnifiedJedis admin = group.get(0).newClient()) {
            admin.scriptFlush();
        }
        assertThat(ids.next()).isEqualTo(2);
    }

    @Test
    void theFirstIdAfterTheServersClosedIdleConnectionsIsIssued(RedisServerGroup group) throws Exception {
        List<RedisClient> masters = List.of(namedClient(group.get(0)), namedClient(group.get(1)),
                namedClient(group.get(2)));
        try {
            NextId ids = new NextId("user-ids", masters, 1, Duration.ofSeconds(1));
            assertThat(ids.next()).isEqualTo(1);
            Thread.sleep(300); // the lanes give their connections back to the pools
            for (int i = 0; i < 3; i++) {
                assertThat(group.get(i).closeConnectionsOf(STALE)).isPositive();
            }
            assertThat(ids.next()).isEqualTo(2);
        } finally {
            masters.forEach(RedisClient::close);
        }
    }

    private static final String STALE = "stale-after-idle";

    private static RedisClient namedClient(RedisServer server) {
        return server.newClient(DefaultJedisClientConfig.builder().clientName(STALE).build());
    }


    /** Threads alternate between two generators on one key (two "processes"), each drawing {@code perThread} IDs. */
    private static void assertUniqueAndIncreasing(List<UnifiedJedis> masters, int threads, int perThread)
            throws Exception {
        NextId[] generators = {new NextId("user-ids", masters), new NextId("user-ids", masters)};
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> draws = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                NextId ids = generators[t % 2];
                draws.add(pool.submit(() -> LongStream.range(0, perThread).map(i -> ids.next()).toArray()));
            }
            Set<Long> all = new HashSet<>();
            for (Future<long[]> draw : draws) {
                long[] mine = draw.get(60, TimeUnit.SECONDS);
                assertThat(mine).isSorted().doesNotHaveDuplicates();
                for (long id : mine) {
                    assertThat(all.add(id)).as("id %d issued twice", id).isTrue();
                }
            }
            assertThat(all).hasSize(threads * perThread);
            // Blocks claimed for several threads are handed out whole: the stored value is the last ID issued.
            assertThat(generators[0].current()).isEqualTo(all.stream().mapToLong(Long::longValue).max().orElseThrow());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String endpoint(RedisServer server) {
        return server.host() + ":" + server.port();
    }
}
