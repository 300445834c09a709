package dev.pottery.collections.queue;

import dev.pottery.internal.LuaScript;
import dev.pottery.internal.TypedKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.args.ListDirection;
import redis.clients.jedis.util.KeyValue;

/**
 * The Redis command layer of {@link RedisDeque}: every command and script it sends to its list, on
 * encoded bytes, each through the key's {@link TypedKey} (a WRONGTYPE error names the key). Choosing
 * between a plain command and a script happens here and only here.
 */
final class DequeCommands {

    static final int UNBOUNDED = -1;

    /** What {@link #popUnless} found at the end: an element (taken), nothing, or the held value (left). */
    record Pop(byte[] element, boolean held) {
        static final Pop EMPTY = new Pop(null, false);
        static final Pop HELD = new Pop(null, true);
    }

    private static final LuaScript PUSH = LuaScript.fromResource(DequeCommands.class, "deque-push.lua");
    private static final LuaScript POP = LuaScript.fromResource(DequeCommands.class, "deque-pop.lua");
    private static final LuaScript ROTATE = LuaScript.fromResource(DequeCommands.class, "deque-rotate.lua");
    private static final LuaScript REMOVE_AT = LuaScript.fromResource(DequeCommands.class, "deque-remove-at.lua");
    private static final LuaScript FILTER = LuaScript.fromResource(DequeCommands.class, "deque-filter.lua");
    private static final LuaScript CONTAINS_ALL = LuaScript.fromResource(DequeCommands.class, "deque-contains-all.lua");
    private static final byte[] YES = {'1'};
    private static final byte[] NO = {'0'};

    private final TypedKey key;
    private final UnifiedJedis redis;
    private final byte[] raw;
    private final int maxlen;

    DequeCommands(TypedKey key, int maxlen) {
        this.key = key;
        this.redis = key.redis();
        this.raw = key.raw();
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
            return pushPlain(head, values); // unbounded: one LPUSH/RPUSH is already atomic
        }
        List<byte[]> args = new ArrayList<>(values.size() + 3);
        args.add(ascii(maxlen));
        args.add(head ? new byte[] {'L'} : new byte[] {'R'});
        args.add(mustBeNew ? YES : NO);
        args.addAll(values);
        return (Long) key.call(() -> PUSH.run(redis, List.of(raw), args));
    }

    /**
     * Puts elements just taken from one end back there, the first taken nearest the end, so the list
     * is as before the take (unless others changed it meanwhile). A plain push, never trimmed: a
     * bounded deque may exceed its maximum length until its next insertion.
     */
    void putBack(boolean head, List<byte[]> taken) {
        List<byte[]> reversed = new ArrayList<>(taken);
        Collections.reverse(reversed);
        pushPlain(head, reversed);
    }

    private long pushPlain(boolean head, List<byte[]> values) {
        byte[][] array = values.toArray(new byte[0][]);
        return key.call(() -> head ? redis.lpush(raw, array) : redis.rpush(raw, array));
    }

    /** LPOP/RPOP: the element taken from that end, or null when empty. */
    byte[] pop(boolean head) {
        return key.call(() -> head ? redis.lpop(raw) : redis.rpop(raw));
    }

    /** One script: pops from that end unless the element there is {@code held} (null: pop anything). */
    Pop popUnless(boolean head, byte[] held) {
        List<byte[]> args = held == null
                ? List.of(head ? new byte[] {'L'} : new byte[] {'R'}, NO, new byte[0])
                : List.of(head ? new byte[] {'L'} : new byte[] {'R'}, YES, held);
        Object reply = key.call(() -> POP.run(redis, List.of(raw), args));
        if (reply == null) {
            return Pop.EMPTY;
        }
        return reply instanceof Long ? Pop.HELD : new Pop((byte[]) reply, false);
    }

    /** Up to {@code count} elements from the head, atomically (LPOP with a count). */
    List<byte[]> popHead(int count) {
        List<byte[]> popped = key.call(() -> redis.lpop(raw, count));
        return popped == null ? List.of() : popped;
    }

    /** BLPOP/BRPOP for at most {@code seconds} (never 0, which Redis reads as "forever"). */
    byte[] blockingPop(boolean head, double seconds) {
        KeyValue<byte[], byte[]> popped = key.call(() -> head ? redis.blpop(seconds, raw) : redis.brpop(seconds, raw));
        return popped == null ? null : popped.getValue();
    }

    /**
     * Waits at most {@code seconds} (never 0) until the list has an element, without taking it:
     * BLMOVE of the list onto itself, from one end back to the same end, which changes nothing. Only a
     * signal; the caller then takes through {@link #popUnless}.
     */
    void awaitElement(boolean head, double seconds) {
        ListDirection end = head ? ListDirection.LEFT : ListDirection.RIGHT;
        key.call(() -> redis.blmove(raw, raw, end, end, seconds));
    }

    byte[] index(long index) {
        return key.call(() -> redis.lindex(raw, index));
    }

    List<byte[]> range(long start, long stop) {
        return key.call(() -> redis.lrange(raw, start, stop));
    }

    long length() {
        return key.call(() -> redis.llen(raw));
    }

    boolean contains(byte[] value) {
        return key.call(() -> redis.lpos(raw, value)) != null;
    }

    boolean containsAll(List<byte[]> values) {
        return (Long) key.call(() -> CONTAINS_ALL.run(redis, List.of(raw), values)) == 1L;
    }

    /** LREM: {@code count} 1 removes the first match from the head, -1 from the tail. */
    boolean removeOne(byte[] value, boolean fromTail) {
        return key.call(() -> redis.lrem(raw, fromTail ? -1 : 1, value)) > 0;
    }

    /** Removes elements equal ({@code keep == false}) or not equal ({@code keep}) to any value. */
    long filter(boolean keep, List<byte[]> values) {
        List<byte[]> args = new ArrayList<>(values.size() + 1);
        args.add((keep ? "keep" : "drop").getBytes(StandardCharsets.US_ASCII));
        args.addAll(values);
        return (Long) key.call(() -> FILTER.run(redis, List.of(raw), args));
    }

    void rotate(long steps) {
        key.call(() -> ROTATE.run(redis, List.of(raw), List.of(ascii(steps))));
    }

    /**
     * Removes the element at {@code index} if it still holds {@code expected} (through a unique marker,
     * so an equal element elsewhere stays); else the first equal element from the iterator's end.
     */
    void removeAt(long index, byte[] expected, boolean fromTail) {
        byte[] marker = ("pottery:removed:" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
        byte[] count = fromTail ? ascii(-1) : ascii(1);
        key.call(() -> REMOVE_AT.run(redis, List.of(raw), List.of(ascii(index), expected, marker, count)));
    }

    /** UNLINK of the whole key, refused if it holds another Redis type (one script). */
    void clear() {
        key.clear();
    }

    private static byte[] ascii(long n) {
        return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
    }
}
