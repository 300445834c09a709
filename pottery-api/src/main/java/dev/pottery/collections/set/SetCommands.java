package dev.pottery.collections.set;

import dev.pottery.internal.LuaScript;
import dev.pottery.internal.ScanIterator;
import dev.pottery.internal.TypedKey;
import java.util.List;
import java.util.Set;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.ScanResult;

/**
 * Every Redis command {@link RedisSet} sends, on encoded bytes: one method per round trip, each through
 * the key's {@link TypedKey} (a WRONGTYPE error names the key). Scripts touch only the key they are
 * given, so they also run on Redis Cluster.
 */
final class SetCommands {

    private static final LuaScript RETAIN_ALL = LuaScript.fromResource(SetCommands.class, "set-retain-all.lua");
    private static final LuaScript REPLACE = LuaScript.fromResource(SetCommands.class, "set-replace.lua");
    private static final LuaScript CREATE = LuaScript.fromResource(SetCommands.class, "set-create.lua");

    private final UnifiedJedis redis;
    private final byte[] key;
    private final TypedKey guard;

    SetCommands(TypedKey key) {
        this.redis = key.redis();
        this.key = key.raw();
        this.guard = key;
    }

    /** The set's key. */
    TypedKey key() {
        return guard;
    }

    /** SADD of one or many members; how many were new. */
    long add(List<byte[]> members) {
        return members.isEmpty() ? 0 : guard.call(() -> redis.sadd(key, members.toArray(new byte[0][])));
    }

    /** SREM of one or many members; how many were present. */
    long remove(List<byte[]> members) {
        return members.isEmpty() ? 0 : guard.call(() -> redis.srem(key, members.toArray(new byte[0][])));
    }

    /** SISMEMBER. */
    boolean contains(byte[] member) {
        return guard.call(() -> redis.sismember(key, member));
    }

    /** One SMISMEMBER. */
    List<Boolean> containsEach(List<byte[]> members) {
        return guard.call(() -> redis.smismember(key, members.toArray(new byte[0][])));
    }

    /** SCARD. */
    long size() {
        return guard.call(() -> redis.scard(key));
    }

    /** SPOP of one member, or null when empty. */
    byte[] pop() {
        return guard.call(() -> redis.spop(key));
    }

    /** SMEMBERS. */
    Set<byte[]> members() {
        return guard.call(() -> redis.smembers(key));
    }

    /** One SSCAN page. */
    ScanResult<byte[]> scan(byte[] cursor) {
        return guard.call(() -> redis.sscan(key, cursor, ScanIterator.params()));
    }

    /** Script: removes every member not listed; how many were removed. */
    long retainOnly(List<byte[]> members) {
        return (Long) guard.call(() -> RETAIN_ALL.run(redis, List.of(key), members));
    }

    /** Script: adds the members unless the key exists; whether it added them. */
    boolean create(List<byte[]> members) {
        return Long.valueOf(1).equals(guard.call(() -> CREATE.run(redis, List.of(key), members)));
    }

    /** Script: makes {@code destination} hold exactly {@code members}; its new size. */
    static long replace(UnifiedJedis redis, byte[] destination, List<byte[]> members) {
        return (Long) REPLACE.run(redis, List.of(destination), members);
    }

    /** UNLINK of the whole key, refused if it holds another Redis type (one script). */
    void clear() {
        guard.clear();
    }
}
