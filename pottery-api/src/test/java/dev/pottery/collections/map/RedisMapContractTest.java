package dev.pottery.collections.map;

import com.google.common.collect.testing.ConcurrentMapTestSuiteBuilder;
import com.google.common.collect.testing.TestStringMapGenerator;
import com.google.common.collect.testing.features.CollectionFeature;
import com.google.common.collect.testing.features.CollectionSize;
import com.google.common.collect.testing.features.MapFeature;
import dev.pottery.codec.JsonCodec;
import dev.pottery.collections.GuavaSuiteAdapter;
import dev.pottery.testing.RedisServers;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import redis.clients.jedis.UnifiedJedis;

/** Guava's {@code ConcurrentMap} contract suite (with its key, value and entry view suites) on a real server. */
@RedisServers
class RedisMapContractTest {

    @TestFactory
    DynamicNode redisMapSatisfiesTheConcurrentMapContract(UnifiedJedis redis) {
        AtomicInteger keys = new AtomicInteger();
        TestStringMapGenerator generator = new TestStringMapGenerator() {
            @Override
            protected Map<String, String> create(Map.Entry<String, String>[] entries) {
                RedisMap<String, String> map = RedisMap.builder(redis).key("contract:map:" + keys.incrementAndGet())
                        .keyCodec(JsonCodec.of(String.class)).valueCodec(JsonCodec.of(String.class)).build();
                for (Map.Entry<String, String> entry : entries) {
                    map.fastPut(entry.getKey(), entry.getValue());
                }
                return map;
            }
        };
        return GuavaSuiteAdapter.toDynamic(ConcurrentMapTestSuiteBuilder.using(generator)
                .named("RedisMap")
                .withFeatures(MapFeature.GENERAL_PURPOSE, CollectionSize.ANY,
                        CollectionFeature.SUPPORTS_ITERATOR_REMOVE)
                .createTestSuite());
    }
}
