package dev.pottery.collections.list;

import com.google.common.collect.testing.ListTestSuiteBuilder;
import com.google.common.collect.testing.TestStringListGenerator;
import com.google.common.collect.testing.features.CollectionFeature;
import com.google.common.collect.testing.features.CollectionSize;
import com.google.common.collect.testing.features.ListFeature;
import dev.pottery.codec.JsonCodec;
import dev.pottery.collections.GuavaSuiteAdapter;
import dev.pottery.testing.RedisServers;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import redis.clients.jedis.UnifiedJedis;

/** Guava's {@code List} contract suite (with its sub-list suites) on a real server; nulls allowed (JSON null). */
@RedisServers
class RedisListContractTest {

    @TestFactory
    DynamicNode redisListSatisfiesTheListContract(UnifiedJedis redis) {
        AtomicInteger keys = new AtomicInteger();
        TestStringListGenerator generator = new TestStringListGenerator() {
            @Override
            protected List<String> create(String[] elements) {
                RedisList<String> list = RedisList.builder(redis).key("contract:list:" + keys.incrementAndGet())
                        .codec(JsonCodec.of(String.class)).build();
                list.addAll(Arrays.asList(elements));
                return list;
            }
        };
        return GuavaSuiteAdapter.toDynamic(ListTestSuiteBuilder.using(generator)
                .named("RedisList")
                .withFeatures(ListFeature.GENERAL_PURPOSE, CollectionSize.ANY,
                        CollectionFeature.ALLOWS_NULL_VALUES, CollectionFeature.SUPPORTS_ITERATOR_REMOVE)
                .createTestSuite());
    }
}
