package dev.pottery.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The floors: raw Jedis issuing the minimal commands for each piece of work, on keys and values of the
 * same shape and size as Pottery's (JSON-encoded, so the bytes on the wire are the same).
 */
final class FloorOperations {

    static final String HGET = "Jedis HGET";
    static final String HSET = "Jedis HSET";
    static final String HSETNX = "Jedis HSETNX";
    static final String RPUSH = "Jedis RPUSH";
    static final String LINDEX = "Jedis LINDEX";
    static final String SADD = "Jedis SADD";
    static final String SISMEMBER = "Jedis SISMEMBER";
    static final String LOCK_UNLOCK = "Jedis SET NX PX + compare-and-delete";
    static final String INCR = "Jedis INCR";

    private static final String COMPARE_AND_DELETE =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private FloorOperations() {
    }

    static List<OperationSpec> list() {
        return List.of(
                new OperationSpec(HGET, null, 1, c -> {
                    String hash = "bench:floor:hash";
                    fillHash(c.redis(), hash);
                    return () -> c.redis().hget(hash, quoted(Workload.randomKey()));
                }),
                new OperationSpec(HSET, null, 1, c -> {
                    c.redis().del("bench:floor:hset");
                    return () -> c.redis().hset("bench:floor:hset", quoted(Workload.randomKey()), Workload.encodedValue());
                }),
                new OperationSpec(HSETNX, null, 1, c -> {
                    c.redis().del("bench:floor:hsetnx");
                    return () -> c.redis().hsetnx("bench:floor:hsetnx", quoted(Workload.randomKey()), Workload.encodedValue());
                }),
                new OperationSpec(RPUSH, null, 1, c -> {
                    c.redis().del("bench:floor:list:push");
                    return () -> c.redis().rpush("bench:floor:list:push", Workload.encodedValue());
                }),
                new OperationSpec(LINDEX, null, 1, c -> {
                    String list = "bench:floor:list";
                    fillList(c.redis(), list);
                    return () -> c.redis().lindex(list, ThreadLocalRandom.current().nextInt(Workload.KEYS));
                }),
                new OperationSpec(SADD, null, 1, c -> {
                    c.redis().del("bench:floor:sadd");
                    return () -> c.redis().sadd("bench:floor:sadd", quoted(Workload.randomKey()));
                }),
                new OperationSpec(SISMEMBER, null, 1, c -> {
                    String set = "bench:floor:set";
                    fillSet(c.redis(), set);
                    return () -> c.redis().sismember(set, quoted(Workload.randomKey()));
                }),
                new OperationSpec(LOCK_UNLOCK, null, 1, c -> {
                    String sha = c.redis().scriptLoad(COMPARE_AND_DELETE);
                    SetParams params = SetParams.setParams().nx().px(10_000);
                    return () -> {
                        String key = "bench:floor:lock:" + Workload.randomKey();
                        String token = UUID.randomUUID().toString();
                        if (c.redis().set(key, token, params) != null) {
                            c.redis().evalsha(sha, List.of(key), List.of(token));
                        }
                        return token;
                    };
                }),
                new OperationSpec(INCR, null, 1, c -> {
                    c.redis().del("bench:floor:incr");
                    return () -> c.redis().incr("bench:floor:incr");
                }),
                ProbabilisticOperations.floors().get(0),
                ProbabilisticOperations.floors().get(1));
    }

    static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static void fillHash(UnifiedJedis redis, String hash) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < Workload.KEYS; i++) {
            fields.put(quoted(Workload.key(i)), Workload.encodedValue());
        }
        redis.del(hash);
        redis.hset(hash, fields);
    }

    private static void fillList(UnifiedJedis redis, String list) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < Workload.KEYS; i++) {
            values.add(Workload.encodedValue());
        }
        redis.del(list);
        redis.rpush(list, values.toArray(String[]::new));
    }

    private static void fillSet(UnifiedJedis redis, String set) {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < Workload.KEYS; i += 2) {
            members.add(quoted(Workload.key(i)));
        }
        redis.del(set);
        redis.sadd(set, members.toArray(String[]::new));
    }
}
