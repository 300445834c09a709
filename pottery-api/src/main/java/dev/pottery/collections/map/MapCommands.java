package dev.pottery.collections.map;

import dev.pottery.internal.LuaScript;
import dev.pottery.internal.ReplicaWait;
import dev.pottery.internal.ScanIterator;
import dev.pottery.internal.TypedKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.ScanResult;

/**
 * Every Redis command {@link RedisMap} sends, on encoded bytes: one method per round trip. Operations
 * that must read and write atomically are Lua scripts (resources next to this class), each touching
 * only the map's own key, so they also run on Redis Cluster. Every call goes through the key's
 * {@link TypedKey} (a WRONGTYPE error names the key), and every write through the map's
 * {@link ReplicaWait}: sent as it is, or pipelined with WAIT when the map waits for replicas.
 */
final class MapCommands {

    private static final LuaScript GET_AND_PUT = LuaScript.fromResource(MapCommands.class, "map-get-and-put.lua");
    private static final LuaScript GET_AND_DELETE = LuaScript.fromResource(MapCommands.class, "map-get-and-delete.lua");
    private static final LuaScript PUT_IF_ABSENT = LuaScript.fromResource(MapCommands.class, "map-put-if-absent.lua");
    private static final LuaScript GET_AND_REPLACE = LuaScript.fromResource(MapCommands.class, "map-get-and-replace.lua");
    private static final LuaScript COMPARE_AND_SET = LuaScript.fromResource(MapCommands.class, "map-compare-and-set.lua");
    private static final LuaScript CREATE = LuaScript.fromResource(MapCommands.class, "map-create.lua");

    private static final byte[] YES = {'1'};
    private static final byte[] NO = {'0'};
    private static final byte[] NOTHING = {};

    private final UnifiedJedis redis;
    private final String name;
    private final byte[] key;
    private final TypedKey guard;
    private final ReplicaWait durability;

    MapCommands(TypedKey key, ReplicaWait durability) {
        this.redis = key.redis();
        this.name = key.name();
        this.key = key.raw();
        this.guard = key;
        this.durability = durability;
    }

    /** HGET. */
    byte[] get(byte[] field) {
        return guard.call(() -> redis.hget(key, field));
    }

    /** HEXISTS. */
    boolean contains(byte[] field) {
        return guard.call(() -> redis.hexists(key, field));
    }

    /** HLEN. */
    long size() {
        return guard.call(() -> redis.hlen(key));
    }

    /** HSET of one field, without reading the old value; whether the field is new. */
    boolean set(byte[] field, byte[] value) {
        return guard.call(() -> durability.write(redis, key, name,
                () -> redis.hset(key, field, value), pipeline -> pipeline.hset(key, field, value))) > 0;
    }

    /** One HDEL of many fields; how many existed. */
    long deleteAll(List<byte[]> fields) {
        if (fields.isEmpty()) {
            return 0;
        }
        byte[][] all = fields.toArray(new byte[0][]);
        return guard.call(() -> durability.write(redis, key, name,
                () -> redis.hdel(key, all), pipeline -> pipeline.hdel(key, all)));
    }

    /** One HSET of many fields. */
    void setAll(Map<byte[], byte[]> fields) {
        if (!fields.isEmpty()) {
            guard.call(() -> durability.write(redis, key, name,
                    () -> redis.hset(key, fields), pipeline -> pipeline.hset(key, fields)));
        }
    }

    /** HDEL of one field; whether it existed. */
    boolean delete(byte[] field) {
        return guard.call(() -> durability.write(redis, key, name,
                () -> redis.hdel(key, field), pipeline -> pipeline.hdel(key, field))) > 0;
    }

    /** Script: HSET, returning the previous value or null. */
    byte[] getAndPut(byte[] field, byte[] value) {
        return (byte[]) guard.call(() -> GET_AND_PUT.run(redis, List.of(key), List.of(field, value), durability, name));
    }

    /** Script: HDEL, returning the previous value or null. */
    byte[] getAndDelete(byte[] field) {
        return (byte[]) guard.call(() -> GET_AND_DELETE.run(redis, List.of(key), List.of(field), durability, name));
    }

    /** Script: HSET only if absent, returning the existing value or null when stored. */
    byte[] putIfAbsent(byte[] field, byte[] value) {
        return (byte[]) guard.call(() -> PUT_IF_ABSENT.run(redis, List.of(key), List.of(field, value), durability, name));
    }

    /** Script: HSET only if present, returning the previous value or null when absent (nothing stored). */
    byte[] getAndReplace(byte[] field, byte[] value) {
        return (byte[]) guard.call(() -> GET_AND_REPLACE.run(redis, List.of(key), List.of(field, value), durability, name));
    }

    /**
     * Script: changes the field from {@code expected} (null = absent) to {@code replacement}
     * (null = delete) if and only if it currently is {@code expected}.
     */
    boolean compareAndSet(byte[] field, byte[] expected, byte[] replacement) {
        return compareAndSwap(field, expected, replacement).done();
    }

    /**
     * As {@link #compareAndSet}, and when the expectation failed, what the field holds now (null if absent): one
     * script, so that a caller can compare values as well as bytes.
     */
    Swap compareAndSwap(byte[] field, byte[] expected, byte[] replacement) {
        List<byte[]> args = List.of(field,
                expected == null ? NO : YES, expected == null ? NOTHING : expected,
                replacement == null ? NO : YES, replacement == null ? NOTHING : replacement);
        Object reply = guard.call(() -> COMPARE_AND_SET.run(redis, List.of(key), args, durability, name));
        return Long.valueOf(1).equals(reply) ? new Swap(true, null)
                : new Swap(false, reply instanceof byte[] current ? current : null);
    }

    /**
     * The reply of {@link #compareAndSwap}.
     *
     * @param done whether the change was made
     * @param current when not done: the field's value now, or null if absent
     */
    record Swap(boolean done, byte[] current) {
    }

    /** Script: stores the fields unless the key exists; whether it stored them. */
    boolean create(Map<byte[], byte[]> fields) {
        List<byte[]> args = new ArrayList<>(fields.size() * 2);
        fields.forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        return Long.valueOf(1).equals(guard.call(() -> CREATE.run(redis, List.of(key), args, durability, name)));
    }

    /** One HSCAN page from a cursor. */
    ScanResult<Map.Entry<byte[], byte[]>> scan(byte[] cursor) {
        return guard.call(() -> redis.hscan(key, cursor, ScanIterator.params()));
    }

    /** HGETALL. */
    Map<byte[], byte[]> getAll() {
        return guard.call(() -> redis.hgetAll(key));
    }

    /** UNLINK of the whole key, refused if it holds another Redis type (one script). */
    void clear() {
        guard.clear(durability);
    }
}
