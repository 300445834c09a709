package dev.pottery.jcache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.codec.SerializingCodec;
import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code replace(k, cache.get(k), v2)} and {@code remove(k, cache.get(k))} succeed when the stored value
 * {@code equals} the expected one, even though Java serialization of an equal HashSet gives other bytes after a
 * round trip; with and without a CacheWriter (which is then called once, for the change that took effect).
 */
@RedisServers
class ValueEqualityTest {

    private static Set<Integer> bigSet() {
        Set<Integer> set = new HashSet<>(1024);
        set.addAll(List.of(1, 2, 3));
        return set;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void conditionalOperationsCompareValuesNotBytes(boolean writeThrough, RedisServer server) {
        Journal writer = new Journal();
        try (Managers managers = new Managers(server)) {
            MutableConfiguration<String, Object> configuration = new MutableConfiguration<String, Object>()
                    .setTypes(String.class, Object.class);
            if (writeThrough) {
                configuration.setCacheWriterFactory(FactoryBuilder.factoryOf(writer)).setWriteThrough(true);
            }
            String name = "equality-" + writeThrough;
            Cache<String, Object> cache = managers.open(name).createCache(name, configuration);
            cache.put("k", bigSet());
            Object read = cache.get("k");
            assertThat(SerializingCodec.create().encode(read)).isNotEqualTo(SerializingCodec.create().encode(bigSet()));

            assertThat(cache.replace("k", read, Set.of(9))).isTrue();
            assertThat(cache.get("k")).isEqualTo(Set.of(9));
            assertThat(cache.replace("k", Set.of(1, 2, 3), Set.of(0))).isFalse();

            cache.put("k", bigSet());
            assertThat(cache.remove("k", Set.of(4))).isFalse();
            assertThat(cache.remove("k", cache.get("k"))).isTrue();
            assertThat(cache.containsKey("k")).isFalse();
            if (writeThrough) {
                assertThat(writer.drainCalls()).containsExactly("write k=[1, 2, 3]", "write k=[9]",
                        "write k=[1, 2, 3]", "delete k");
            }
        }
    }
}
