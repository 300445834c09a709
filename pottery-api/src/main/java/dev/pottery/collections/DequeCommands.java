package dev.pottery.collections;

import dev.pottery.internal.LuaScript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import redis.clients.jedis.util.KeyValue;

/**
 * The Redis command layer of {@link RedisDeque}: every command and script it sends to its list, on
 * encoded bytes. Choosing between a plain command and a script happens here and only here.
 */
final class DequeCommands {

    static final int UNBOUNDED = -1;

    private static final LuaScript PUSH = LuaScript.fromResource(DequeCommands.class, "deque-push.lua");
    private static final LuaScript ROTATE = LuaScript.fromResource(DequeCommands.class, "deque-rotate.lua");
    private static final LuaScript REMOVE_AT = LuaScript.fromResource(DequeCommands.class, "deque-remove-at.lua");
    private static final LuaScript FILTER = LuaScript.fromResource(DequeCommands.class, "deque-filter.lua");
    private static final LuaScript CONTAINS_ALL = LuaScript.fromResource(DequeCommands.class, "deque-contains-all.lua");

    private final RedisBacked owner;
    private final int maxlen;

    DequeCommands(RedisBacked owner, int maxlen) {
        this.owner = owner;
        this.maxlen = maxlen;
    }

    /**
     * Pushes at the head ({@code head}) or the tail; a bounded deque trims the far end in the same
     * script. With {@code mustBeNew}, returns -1 without writing if the key exists. Returns the length.
     */
    long push(boolean head, boolean mustBeNew, List<byte[]> values) {
        if (maxlen == 0) {
            return 0; // Python's deque(maxlen=0) accepts and discards everything
        }
        if (maxlen == UNBOUNDED && !mustBeNew) {
            byte[][] array = values.toArray(new byte[0][]);
            // unbounded: one LPUSH/RPUSH is already atomic
            return call(() -> head ? redis().lpush(key(), array) : redis().rpush(key(), array));
        }
        List<byte[]> args = new ArrayList<>(values.size() + 3);
        args.add(ascii(maxlen));
        args.add(head ? new byte[] {'L'} : new byte[] {'R'});
        args.add(mustBeNew ? new byte[] {'1'} : new byte[] {'0'});
        args.addAll(values);
        return (Long) call(() -> PUSH.run(redis(), List.of(key()), args));
    }

    byte[] pop(boolean head) {
        return call(() -> head ? redis().lpop(key()) : redis().rpop(key()));
    }

    /** Up to {@code count} elements from the head, atomically (LPOP with a count). */
    List<byte[]> popHead(int count) {
        List<byte[]> popped = call(() -> redis().lpop(key(), count));
        return popped == null ? List.of() : popped;
    }

    /** BLPOP/BRPOP for at most {@code seconds} (never 0, which Redis reads as "forever"). */
    byte[] blockingPop(boolean head, double seconds) {
        KeyValue<byte[], byte[]> popped = call(() -> head
                ? redis().blpop(seconds, key())
                : redis().brpop(seconds, key()));
        return popped == null ? null : popped.getValue();
    }

    byte[] index(long index) {
        return call(() -> redis().lindex(key(), index));
    }

    List<byte[]> range(long start, long stop) {
        return call(() -> redis().lrange(key(), start, stop));
    }

    long length() {
        return call(() -> redis().llen(key()));
    }

    boolean contains(byte[] value) {
        return call(() -> redis().lpos(key(), value)) != null;
    }

    boolean containsAll(List<byte[]> values) {
        return (Long) call(() -> CONTAINS_ALL.run(redis(), List.of(key()), values)) == 1L;
    }

    /** LREM: {@code count} 1 removes the first match from the head, -1 from the tail. */
    boolean removeOne(byte[] value, boolean fromTail) {
        return call(() -> redis().lrem(key(), fromTail ? -1 : 1, value)) > 0;
    }

    /** Removes elements equal ({@code keep == false}) or not equal ({@code keep}) to any value. */
    long filter(boolean keep, List<byte[]> values) {
        List<byte[]> args = new ArrayList<>(values.size() + 1);
        args.add((keep ? "keep" : "drop").getBytes(StandardCharsets.US_ASCII));
        args.addAll(values);
        return (Long) call(() -> FILTER.run(redis(), List.of(key()), args));
    }

    void rotate(long steps) {
        call(() -> ROTATE.run(redis(), List.of(key()), List.of(ascii(steps))));
    }

    /**
     * Removes the element at {@code index} if it still holds {@code expected} (through a unique marker,
     * so an equal element elsewhere stays); else the first equal element from the iterator's end.
     */
    void removeAt(long index, byte[] expected, boolean fromTail) {
        byte[] marker = ("pottery:removed:" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
        byte[] count = fromTail ? ascii(-1) : ascii(1);
        call(() -> REMOVE_AT.run(redis(), List.of(key()), List.of(ascii(index), expected, marker, count)));
    }

    void delete() {
        redis().unlink(key());
    }

    private redis.clients.jedis.UnifiedJedis redis() {
        return owner.redis();
    }

    private byte[] key() {
        return owner.rawKey();
    }

    private <T> T call(Supplier<T> command) {
        return TypedAccess.call(owner, "list", command);
    }

    private static byte[] ascii(long n) {
        return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
    }
}
