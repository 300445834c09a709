package dev.pottery.collections.queue;

import com.google.common.collect.testing.QueueTestSuiteBuilder;
import com.google.common.collect.testing.TestStringQueueGenerator;
import com.google.common.collect.testing.features.CollectionFeature;
import com.google.common.collect.testing.features.CollectionSize;
import dev.pottery.collections.GuavaSuiteAdapter;
import dev.pottery.testing.RedisServers;
import java.util.Arrays;
import java.util.Queue;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import redis.clients.jedis.UnifiedJedis;

/**
 * Guava's {@code java.util.Queue} and {@code Collection} contract suites, run against
 * {@link RedisDeque} and {@link RedisQueue} on a real server (each generated instance on a fresh key).
 */
@RedisServers
class QueueContractTest {

    @TestFactory
    DynamicNode redisDequeIsAQueue(UnifiedJedis redis) {
        return suite("RedisDeque", redis, elements -> {
            RedisDeque<String> deque = RedisDeque.<String>builder(redis).codec(dev.pottery.codec.JsonCodec.of(String.class)).build();
            deque.addAll(Arrays.asList(elements));
            return deque;
        });
    }

    @TestFactory
    DynamicNode boundedRedisDequeBelowItsMaxlenIsAQueue(UnifiedJedis redis) {
        return suite("RedisDeque maxlen 100", redis, elements -> {
            RedisDeque<String> deque = RedisDeque.builder(redis).codec(dev.pottery.codec.JsonCodec.of(String.class))
                    .maxlen(100).build();
            deque.addAll(Arrays.asList(elements));
            return deque;
        });
    }

    @TestFactory
    DynamicNode redisQueueIsAQueue(UnifiedJedis redis) {
        return suite("RedisQueue", redis, elements -> {
            RedisQueue<String> queue = RedisQueue.builder(redis).codec(dev.pottery.codec.JsonCodec.of(String.class)).build();
            queue.addAll(Arrays.asList(elements));
            return queue;
        });
    }

    private interface Factory {
        Queue<String> create(String[] elements);
    }

    private static DynamicNode suite(String name, UnifiedJedis redis, Factory factory) {
        return GuavaSuiteAdapter.toDynamic(QueueTestSuiteBuilder.using(new TestStringQueueGenerator() {
            @Override
            protected Queue<String> create(String[] elements) {
                return factory.create(elements);
            }
        }).named(name).withFeatures(CollectionSize.ANY, CollectionFeature.GENERAL_PURPOSE,
                CollectionFeature.KNOWN_ORDER).createTestSuite());
    }
}
