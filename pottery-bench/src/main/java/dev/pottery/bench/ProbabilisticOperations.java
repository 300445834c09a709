package dev.pottery.bench;

import dev.pottery.codec.JsonCodec;
import dev.pottery.collections.probabilistic.BloomFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import redis.clients.jedis.UnifiedJedis;

/**
 * BloomFilter operations and their floor: one BITFIELD touching as many bits as the filter's hash
 * count, at random offsets (the floor does no hashing).
 */
final class ProbabilisticOperations {

    static final String BITFIELD_SET = "Jedis BITFIELD SET x7 bits";
    static final String BITFIELD_GET = "Jedis BITFIELD_RO GET x7 bits";

    /** k and m of a filter for 10,000 elements at a 1% false-positive rate. */
    private static final int HASHES = 7;
    private static final long BITS = 95_851;

    private ProbabilisticOperations() {
    }

    static List<OperationSpec> floors() {
        return List.of(
                new OperationSpec(BITFIELD_SET, null, 1, c -> {
                    c.redis().del("bench:floor:bits:set");
                    return () -> c.redis().bitfield("bench:floor:bits:set", bitOps("SET", true));
                }),
                new OperationSpec(BITFIELD_GET, null, 1, c -> {
                    c.redis().del("bench:floor:bits:get");
                    c.redis().bitfield("bench:floor:bits:get", bitOps("SET", true));
                    return () -> c.redis().bitfieldReadonly("bench:floor:bits:get", bitOps("GET", false));
                }));
    }

    static List<OperationSpec> list() {
        return List.of(
                new OperationSpec("BloomFilter.add", BITFIELD_SET, 1, c -> {
                    BloomFilter<String> filter = filter(c.redis(), "bench:bloom:add");
                    return () -> filter.add(Workload.randomKey());
                }),
                new OperationSpec("BloomFilter.mightContain", BITFIELD_GET, 1, c -> {
                    BloomFilter<String> filter = filter(c.redis(), "bench:bloom:test");
                    List<String> half = new ArrayList<>();
                    for (int i = 0; i < Workload.KEYS; i += 2) {
                        half.add(Workload.key(i));
                    }
                    filter.addAll(half);
                    return () -> filter.mightContain(Workload.randomKey());
                }));
    }

    private static BloomFilter<String> filter(UnifiedJedis redis, String key) {
        redis.del(key);
        return BloomFilter.builder(redis, Workload.KEYS, 0.01).key(key).codec(JsonCodec.of(String.class)).build();
    }

    private static String[] bitOps(String op, boolean withValue) {
        List<String> args = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < HASHES; i++) {
            args.add(op);
            args.add("u1");
            args.add(Long.toString(random.nextLong(BITS)));
            if (withValue) {
                args.add("1");
            }
        }
        return args.toArray(String[]::new);
    }
}
