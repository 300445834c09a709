package dev.pottery.bench;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;

/**
 * The floors of the JCache rows: raw Jedis doing the minimal Redis work of each operation on a hash shaped as
 * a JCache cache stores its entries with the default codecs of {@code setTypes(String.class, String.class)}
 * (UTF-8 keys, 100-byte UTF-8 values).
 */
final class JCacheFloors {

    static final String HGET = "Jedis HGET (cache-shaped)";
    static final String HEXISTS = "Jedis HEXISTS";
    static final String HSET = "Jedis HSET (cache-shaped)";
    static final String HDEL = "Jedis HDEL";
    static final String PIPELINED_HGET_100 = "Jedis pipelined HGET x100";
    static final String HMGET_100 = "Jedis HMGET x100";
    static final String PIPELINED_HSET_100 = "Jedis pipelined HSET x100";
    static final String PIPELINED_HDEL_100 = "Jedis pipelined HDEL x100";
    static final String HINCRBY = "Jedis HINCRBY";

    private JCacheFloors() {
    }

    static List<OperationSpec> list() {
        return List.of(
                new OperationSpec(HGET, null, 1, c -> {
                    byte[] hash = filledHash(c.redis(), "bench:floor:jc:get");
                    return () -> c.redis().hget(hash, utf8(Workload.randomKey()));
                }),
                new OperationSpec(HEXISTS, null, 1, c -> {
                    byte[] hash = filledHash(c.redis(), "bench:floor:jc:exists");
                    return () -> c.redis().hexists(hash, utf8(Workload.randomKey()));
                }),
                new OperationSpec(HSET, null, 1, c -> {
                    byte[] hash = utf8("bench:floor:jc:set");
                    c.redis().del(hash);
                    return () -> c.redis().hset(hash, utf8(Workload.randomKey()), utf8(Workload.value()));
                }),
                new OperationSpec(HDEL, null, 1, c -> {
                    byte[] hash = filledHash(c.redis(), "bench:floor:jc:del");
                    return () -> c.redis().hdel(hash, utf8(Workload.randomKey()));
                }),
                new OperationSpec(PIPELINED_HGET_100, null, 1, c -> {
                    byte[] hash = filledHash(c.redis(), "bench:floor:jc:pget");
                    return () -> {
                        try (AbstractPipeline pipeline = c.redis().pipelined()) {
                            for (String key : JCacheOperations.randomKeySet()) {
                                pipeline.hget(hash, utf8(key));
                            }
                            pipeline.sync();
                        }
                        return hash;
                    };
                }),
                new OperationSpec(HMGET_100, null, 1, c -> {
                    byte[] hash = filledHash(c.redis(), "bench:floor:jc:hmget");
                    return () -> c.redis().hmget(hash, JCacheOperations.randomKeySet().stream()
                            .map(JCacheFloors::utf8).toArray(byte[][]::new));
                }),
                new OperationSpec(PIPELINED_HSET_100, null, 1, c -> {
                    byte[] hash = utf8("bench:floor:jc:pset");
                    c.redis().del(hash);
                    return () -> {
                        try (AbstractPipeline pipeline = c.redis().pipelined()) {
                            for (String key : JCacheOperations.randomKeySet()) {
                                pipeline.hset(hash, utf8(key), utf8(Workload.value()));
                            }
                            pipeline.sync();
                        }
                        return hash;
                    };
                }),
                new OperationSpec(PIPELINED_HDEL_100, null, 1, c -> {
                    byte[] hash = filledHash(c.redis(), "bench:floor:jc:pdel");
                    return () -> {
                        try (AbstractPipeline pipeline = c.redis().pipelined()) {
                            for (String key : JCacheOperations.randomKeySet()) {
                                pipeline.hdel(hash, utf8(key));
                            }
                            pipeline.sync();
                        }
                        return hash;
                    };
                }),
                new OperationSpec(HINCRBY, null, 1, c -> {
                    byte[] hash = utf8("bench:floor:jc:incr");
                    c.redis().del(hash);
                    return () -> c.redis().hincrBy(hash, utf8(Workload.randomKey()), 1);
                }));
    }

    private static byte[] filledHash(UnifiedJedis redis, String name) {
        byte[] hash = utf8(name);
        Map<byte[], byte[]> fields = new HashMap<>();
        for (int i = 0; i < Workload.KEYS; i++) {
            fields.put(utf8(Workload.key(i)), utf8(Workload.value()));
        }
        redis.del(hash);
        redis.hset(hash, fields);
        return hash;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
