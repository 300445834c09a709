package dev.pottery.collections;

import dev.pottery.PotteryException;
import dev.pottery.internal.LuaScript;
import dev.pottery.internal.ReplicaWait;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Turns Redis's terse {@code WRONGTYPE} error into an exception that names the key, the Redis type the
 * collection expected, and the type the key actually holds. Nothing is written when it happens: Redis
 * rejects the command (or the script stops at its first call) before touching the data.
 */
final class RedisTypeGuard {

    private static final LuaScript CLEAR = LuaScript.fromResource(RedisTypeGuard.class, "map-set-list-clear.lua");

    private final UnifiedJedis redis;
    private final String key;
    private final String expected;

    RedisTypeGuard(UnifiedJedis redis, String key, String expected) {
        this.redis = redis;
        this.key = key;
        this.expected = expected;
    }

    /** Runs one Redis command (or script), translating a wrong-type error. */
    <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisDataException e) {
            String message = e.getMessage();
            if (message != null && message.contains("WRONGTYPE")) {
                throw new PotteryException("expected a Redis " + expected + " but the key holds a "
                        + actualType(), key, e);
            }
            throw e;
        }
    }

    /** Deletes the key (one script), unless it holds another type: clear() must not destroy other data. */
    void clear() {
        clear(ReplicaWait.NONE);
    }

    /** {@link #clear()}, waiting for replicas as {@code durability} says. */
    void clear(ReplicaWait durability) {
        byte[] rawKey = key.getBytes(StandardCharsets.UTF_8);
        call(() -> CLEAR.run(redis, List.of(rawKey), List.of(expected.getBytes(StandardCharsets.US_ASCII)),
                durability, key));
    }

    private String actualType() {
        try {
            return redis.type(key);
        } catch (RuntimeException unknown) {
            return "value of another type";
        }
    }
}
