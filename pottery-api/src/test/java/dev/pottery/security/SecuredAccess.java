package dev.pottery.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.collections.probabilistic.BloomFilter;
import dev.pottery.collections.probabilistic.HyperLogLog;
import dev.pottery.collections.counter.RedisCounter;
import dev.pottery.collections.queue.RedisDeque;
import dev.pottery.collections.list.RedisList;
import dev.pottery.collections.map.RedisMap;
import dev.pottery.collections.queue.RedisQueue;
import dev.pottery.collections.set.RedisSet;
import dev.pottery.id.NextId;
import dev.pottery.lock.Redlock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.UnifiedJedis;

/** Every structure, Redlock and NextId, used through one client: the checks the secured-server tests share. */
final class SecuredAccess {

    private SecuredAccess() {
    }

    /** The ACL rules README's Security section gives for collections, locks and IDs, with app:* as the app's keys. */
    static final String COLLECTIONS_AND_LOCKS_USER = "app on >app-pass ~app:* ~pottery:* ~redlock:* ~nextid:*"
            + " resetchannels -@all +@read +@write +@connection +evalsha +eval +time -@dangerous";

    static void everyStructureWorks(UnifiedJedis redis) throws InterruptedException {
        RedisMap<String, Long> map = new RedisMap<>(redis, "app:map");
        map.put("a", 1L);
        assertThat(map.putIfAbsent("a", 2L)).isEqualTo(1L);
        assertThat(map.merge("a", 5L, Long::sum)).isEqualTo(6L);
        assertThat(map.entrySet()).hasSize(1);
        assertThat(map.remove("a")).isEqualTo(6L);

        try (RedisSet<Object> scratch = new RedisSet<>(redis)) {   // a random pottery: key, deleted on close
            scratch.addAll(List.of("x", "y", "z"));
            assertThat(scratch.contains("y")).isTrue();
            scratch.retainAll(List.of("x", "z"));
            assertThat(scratch).containsExactlyInAnyOrder("x", "z");
        }

        RedisList<Object> list = new RedisList<>(redis, "app:list");
        list.addAll(List.of(1L, 2L, 3L, 4L));
        list.set(0, 10L);
        list.add(1, 15L);
        assertThat(list.remove(2)).isEqualTo(2L);
        assertThat(list.subList(1, 3)).containsExactly(15L, 3L);

        RedisDeque<Object> deque = new RedisDeque<>(redis, "app:deque");
        deque.offerFirst("first");
        deque.offerLast("last");
        assertThat(deque.pollLast(1, TimeUnit.SECONDS)).isEqualTo("last");
        assertThat(deque.pollFirst()).isEqualTo("first");

        RedisQueue<Object> queue = new RedisQueue<>(redis, "app:queue");
        queue.offer("job");
        assertThat(queue.poll(1, TimeUnit.SECONDS)).isEqualTo("job");

        RedisCounter<Object> counter = new RedisCounter<>(redis, "app:counter");
        counter.update(Map.of("a", 2L));
        counter.increment("a");
        assertThat(counter.get("a")).isEqualTo(3L);

        BloomFilter<Object> bloom = new BloomFilter<>(redis, "app:bloom", 100, 0.01);
        bloom.add("seen");
        assertThat(bloom.mightContain("seen")).isTrue();

        HyperLogLog<Object> distinct = new HyperLogLog<>(redis, "app:hll");
        distinct.addAll(List.of("a", "b", "a"));
        assertThat(distinct.size()).isEqualTo(2);

        Redlock lock = new Redlock("app-lock", List.of(redis));
        assertThat(lock.tryLock()).isTrue();
        assertThat(lock.locked()).isPositive();
        lock.extend();
        lock.unlock();

        NextId ids = new NextId("app-ids", List.of(redis));
        long first = ids.next();
        assertThat(ids.next()).isGreaterThan(first);
    }
}
