package dev.pottery.collections.set;

import com.google.common.collect.testing.SetTestSuiteBuilder;
import com.google.common.collect.testing.TestStringSetGenerator;
import com.google.common.collect.testing.features.CollectionFeature;
import com.google.common.collect.testing.features.CollectionSize;
import com.google.common.collect.testing.features.SetFeature;
import dev.pottery.codec.JsonCodec;
import dev.pottery.collections.GuavaSuiteAdapter;
import dev.pottery.testing.RedisServers;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import redis.clients.jedis.UnifiedJedis;

/** Guava's {@code Set} contract suite on a real server (null elements allowed: JSON null). */
@RedisServers
class RedisSetContractTest {

    @TestFactory
    DynamicNode redisSetSatisfiesTheSetContract(UnifiedJedis redis) {
        AtomicInteger keys = new AtomicInteger();
        TestStringSetGenerator generator = new TestStringSetGenerator() {
            @Override
            protected Set<String> create(String[] elements) {
                RedisSet<String> set = RedisSet.builder(redis).key("contract:set:" + keys.incrementAndGet())
                        .codec(JsonCodec.of(String.class)).build();
                set.addAll(Arrays.asList(elements));
                return set;
            }
        };
        return GuavaSuiteAdapter.toDynamic(SetTestSuiteBuilder.using(generator)
                .named("RedisSet")
                .withFeatures(SetFeature.GENERAL_PURPOSE, CollectionSize.ANY,
                        CollectionFeature.ALLOWS_NULL_VALUES, CollectionFeature.SUPPORTS_ITERATOR_REMOVE)
                .createTestSuite());
    }
}
