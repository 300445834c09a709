package dev.pottery.collections.counter;

import dev.pottery.PotteryException;
import dev.pottery.internal.LuaScript;
import dev.pottery.internal.ScanIterator;
import dev.pottery.internal.TypedKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.resps.ScanResult;

/**
 * Every Redis command {@link RedisCounter} sends, on encoded fields: one method per round trip, each
 * through the key's {@link TypedKey} (a WRONGTYPE error names the key). Single counts are plain hash
 * commands (HINCRBY is exact on 64-bit integers); every operation on several counts is one call of
 * {@code counter.lua}, which adds and compares counts of any size exactly, as decimal text.
 */
final class CounterCommands {

    /** The operations of {@code counter.lua} that change counts. */
    enum Operation {
        /** Adds the given counts (update, subtract, +=, -=). */
        ADD("add"),
        /** Raises counts to the given ones (|=). */
        MAX("max"),
        /** Lowers counts to the given ones, 0 when not given (&=). */
        MIN("min");

        private final byte[] name;

        Operation(String name) {
            this.name = name.getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static final LuaScript COUNTER = LuaScript.fromResource(CounterCommands.class, "counter.lua");
    private static final byte[] TOTAL = "total".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] YES = {'1'};
    private static final byte[] NO = {'0'};

    private final TypedKey key;
    private final UnifiedJedis redis;
    private final byte[] raw;
    private final Counts<?> counts;

    CounterCommands(TypedKey key, Counts<?> counts) {
        this.key = key;
        this.redis = key.redis();
        this.raw = key.raw();
        this.counts = counts;
    }

    /** HGET: the stored count, or null. */
    byte[] get(byte[] field) {
        return key.call(() -> redis.hget(raw, field));
    }

    /**
     * HINCRBY: the new count.
     *
     * @throws PotteryException naming the element if its count is not a 64-bit integer or would overflow
     */
    long increment(byte[] field, long n) {
        try {
            return key.call(() -> redis.hincrBy(raw, field, n));
        } catch (JedisDataException e) {
            throw new PotteryException("cannot add " + n + " to the count of " + counts.describe(field) + " with HINCRBY, "
                    + "which works on 64-bit integers: " + e.getMessage() + "; update(Map) adds exactly to counts of "
                    + "any size", key.name(), e);
        }
    }

    /** HSET of one count. */
    void set(byte[] field, long count) {
        key.call(() -> redis.hset(raw, field, ascii(count)));
    }

    /** HDEL: whether the field existed. */
    boolean delete(byte[] field) {
        return key.call(() -> redis.hdel(raw, field)) > 0;
    }

    /** HEXISTS. */
    boolean contains(byte[] field) {
        return key.call(() -> redis.hexists(raw, field));
    }

    /** HLEN. */
    long size() {
        return key.call(() -> redis.hlen(raw));
    }

    /** HGETALL. */
    Map<byte[], byte[]> getAll() {
        return key.call(() -> redis.hgetAll(raw));
    }

    /** One HSCAN page. */
    ScanResult<Map.Entry<byte[], byte[]>> scan(byte[] cursor) {
        return key.call(() -> redis.hscan(raw, cursor, ScanIterator.params()));
    }

    /**
     * One script: applies {@code operation} with the given counts (encoded field to count), then drops
     * the counts that are not positive when {@code dropNonPositive}. Given counts are exact decimal text
     * (a negated {@code Long.MIN_VALUE} is 2^63). Returns 1, or -1 when
     * {@code mustBeNew} and the key exists (nothing written).
     *
     * @throws PotteryException naming the element when a stored count it reads is not an integer
     *     (nothing written)
     */
    long apply(Operation operation, boolean mustBeNew, boolean dropNonPositive,
            List<Map.Entry<byte[], BigInteger>> given, String method) {
        List<byte[]> args = new ArrayList<>(given.size() * 2 + 3);
        args.add(operation.name);
        args.add(mustBeNew ? YES : NO);
        args.add(dropNonPositive ? YES : NO);
        for (Map.Entry<byte[], BigInteger> count : given) {
            args.add(count.getKey());
            args.add(count.getValue().toString().getBytes(StandardCharsets.US_ASCII));
        }
        Object reply = key.call(() -> COUNTER.run(redis, List.of(raw), args));
        if (reply instanceof List<?> notAnInteger) {
            throw counts.notAnInteger((byte[]) notAnInteger.get(0), (byte[]) notAnInteger.get(1), method);
        }
        return (Long) reply;
    }

    /**
     * One script: the exact sum of the counts, or null when some count is not an integer (the caller
     * then sums on the client, as Python does with floats).
     */
    BigInteger total() {
        Object reply = key.call(() -> COUNTER.run(redis, List.of(raw), List.of(TOTAL, NO, NO)));
        return reply instanceof byte[] digits ? new BigInteger(new String(digits, StandardCharsets.US_ASCII)) : null;
    }

    /** UNLINK of the whole key, refused if it holds another Redis type (one script). */
    void clear() {
        key.clear();
    }

    private static byte[] ascii(long n) {
        return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
    }
}
