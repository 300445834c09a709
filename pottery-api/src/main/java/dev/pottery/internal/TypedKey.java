package dev.pottery.internal;

import dev.pottery.PotteryException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * One Redis key that should hold one Redis type, as each collection's command layer sees it: every
 * command on the key runs through {@link #call}, which turns Redis's terse {@code WRONGTYPE} error into
 * a {@link PotteryException} naming the key, the type expected and the type the key holds. Nothing is
 * written when that happens: Redis rejects the command (or the script stops at its first call on the
 * key) before touching the data. {@link #clear} deletes the key only if it holds the expected type.
 *
 * <pre>{@code
 * TypedKey key = new TypedKey(redis, "tel", "hash", "RedisMap");
 * long size = key.call(() -> redis.hlen(key.raw()));   // on a list: "RedisMap needs a Redis hash but the key holds a list"
 * }</pre>
 */
public final class TypedKey {

    private static final LuaScript CLEAR = LuaScript.fromResource(TypedKey.class, "typed-clear.lua");

    private final UnifiedJedis redis;
    private final String name;
    private final byte[] raw;
    private final String type;
    private final String owner;

    /**
     * @param redis the client
     * @param name the key
     * @param type the Redis type it should hold, as TYPE names it ({@code hash}, {@code list}, ...)
     * @param owner what uses the key, for messages ({@code RedisMap}, ...)
     */
    public TypedKey(UnifiedJedis redis, String name, String type, String owner) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.name = Objects.requireNonNull(name, "name");
        this.raw = name.getBytes(StandardCharsets.UTF_8);
        this.type = Objects.requireNonNull(type, "type");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /** The client. */
    public UnifiedJedis redis() {
        return redis;
    }

    /** The key. */
    public String name() {
        return name;
    }

    /** The key as UTF-8 bytes, for binary commands (shared: do not change it). */
    public byte[] raw() {
        return raw;
    }

    /**
     * Runs one command or script on the key. A WRONGTYPE error costs one more round trip (TYPE) to say
     * what the key holds.
     *
     * @throws PotteryException naming the key and both types when the key holds another Redis type
     */
    public <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisDataException e) {
            String message = e.getMessage();
            if (message == null || !message.contains("WRONGTYPE")) {
                throw e;
            }
            throw new PotteryException(owner + " needs a Redis " + type + " but the key holds a " + actualType(), name, e);
        }
    }

    /**
     * Runs one command on several keys that should each hold their type (set algebra: SUNION and the
     * like). A WRONGTYPE error costs one TYPE per key, to name each key and what it holds.
     *
     * @throws PotteryException naming every key and its type when one holds another Redis type
     */
    public static <T> T callAll(List<TypedKey> keys, Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisDataException e) {
            if (e.getMessage() == null || !e.getMessage().contains("WRONGTYPE")) {
                throw e;
            }
            StringBuilder types = new StringBuilder();
            for (TypedKey key : keys) {
                types.append(types.length() == 0 ? "" : ", ").append('\'').append(key.name).append("' is a ")
                        .append(key.actualType());
            }
            TypedKey first = keys.get(0);
            throw new PotteryException(first.owner + " needs every key to hold a Redis " + first.type + ": " + types,
                    first.name, e);
        }
    }

    /** Deletes the key (one script), unless it holds another type: {@code clear()} must not destroy other data. */
    public void clear() {
        clear(ReplicaWait.NONE);
    }

    /** {@link #clear()}, waiting for replicas as {@code durability} says. */
    public void clear(ReplicaWait durability) {
        call(() -> CLEAR.run(redis, List.of(raw), List.of(type.getBytes(StandardCharsets.US_ASCII)), durability, name));
    }

    private String actualType() {
        try {
            return redis.type(raw);
        } catch (RuntimeException unknown) {
            return "value of another type";
        }
    }

    @Override
    public String toString() {
        return owner + " '" + name + "' (a Redis " + type + ")";
    }
}
