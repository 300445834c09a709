package dev.pottery.bench;

import dev.pottery.collections.list.RedisList;
import dev.pottery.collections.map.RedisMap;
import dev.pottery.collections.set.RedisSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** RedisMap, RedisList and RedisSet operations, each paired with its raw-Jedis floor. */
final class CollectionOperations {

    private CollectionOperations() {
    }

    static List<OperationSpec> list() {
        return List.of(
                new OperationSpec("RedisMap.get", FloorOperations.HGET, 1, c -> {
                    RedisMap<String, String> map = filledMap(c, "bench:map:get");
                    return () -> map.get(Workload.randomKey());
                }),
                new OperationSpec("RedisMap.put", FloorOperations.HSET, 1, c -> {
                    RedisMap<String, String> map = emptyMap(c, "bench:map:put");
                    return () -> map.put(Workload.randomKey(), Workload.value());
                }),
                new OperationSpec("RedisMap.fastPut", FloorOperations.HSET, 1, c -> {
                    RedisMap<String, String> map = emptyMap(c, "bench:map:fastput");
                    return () -> map.fastPut(Workload.randomKey(), Workload.value());
                }),
                new OperationSpec("RedisMap.putIfAbsent", FloorOperations.HSETNX, 1, c -> {
                    RedisMap<String, String> map = emptyMap(c, "bench:map:pia");
                    return () -> map.putIfAbsent(Workload.randomKey(), Workload.value());
                }),
                new OperationSpec("RedisMap.merge", FloorOperations.HSET, 1, c -> {
                    RedisMap<String, String> map = filledMap(c, "bench:map:merge");
                    return () -> map.merge(Workload.randomKey(), Workload.value(), (old, given) -> given);
                }),
                new OperationSpec("RedisList.add", FloorOperations.RPUSH, 1, c -> {
                    c.redis().del("bench:list:add");
                    RedisList<String> list = RedisList.builder(c.redis()).key("bench:list:add")
                            .codec(dev.pottery.codec.JsonCodec.of(String.class)).build();
                    return () -> list.add(Workload.value());
                }),
                new OperationSpec("RedisList.get", FloorOperations.LINDEX, 1, c -> {
                    c.redis().del("bench:list:get");
                    RedisList<String> list = RedisList.builder(c.redis()).key("bench:list:get")
                            .codec(dev.pottery.codec.JsonCodec.of(String.class)).build();
                    List<String> values = new ArrayList<>();
                    for (int i = 0; i < Workload.KEYS; i++) {
                        values.add(Workload.value());
                    }
                    list.addAll(values);
                    return () -> list.get(ThreadLocalRandom.current().nextInt(Workload.KEYS));
                }),
                new OperationSpec("RedisSet.add", FloorOperations.SADD, 1, c -> {
                    c.redis().del("bench:set:add");
                    RedisSet<String> set = stringSet(c, "bench:set:add");
                    return () -> set.add(Workload.randomKey());
                }),
                new OperationSpec("RedisSet.contains", FloorOperations.SISMEMBER, 1, c -> {
                    c.redis().del("bench:set:contains");
                    RedisSet<String> set = stringSet(c, "bench:set:contains");
                    List<String> members = new ArrayList<>();
                    for (int i = 0; i < Workload.KEYS; i += 2) {
                        members.add(Workload.key(i));
                    }
                    set.addAll(members);
                    return () -> set.contains(Workload.randomKey());
                }));
    }

    private static RedisSet<String> stringSet(BenchContext c, String key) {
        return RedisSet.builder(c.redis()).key(key).codec(dev.pottery.codec.JsonCodec.of(String.class)).build();
    }

    private static RedisMap<String, String> emptyMap(BenchContext c, String key) {
        c.redis().del(key);
        return RedisMap.builder(c.redis()).key(key)
                .keyCodec(dev.pottery.codec.JsonCodec.of(String.class))
                .valueCodec(dev.pottery.codec.JsonCodec.of(String.class)).build();
    }

    private static RedisMap<String, String> filledMap(BenchContext c, String key) {
        RedisMap<String, String> map = emptyMap(c, key);
        Map<String, String> data = new HashMap<>();
        for (int i = 0; i < Workload.KEYS; i++) {
            data.put(Workload.key(i), Workload.value());
        }
        map.putAll(data);
        return map;
    }
}
