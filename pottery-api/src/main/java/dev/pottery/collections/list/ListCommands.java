package dev.pottery.collections.list;

import dev.pottery.internal.LuaScript;
import dev.pottery.internal.TypedKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.LPosParams;

/**
 * Every Redis command {@link RedisList} sends, on encoded bytes: one method per round trip, each through
 * the key's {@link TypedKey} (a WRONGTYPE error names the key). Index
 * operations that must check the bounds and write in one step are Lua scripts (resources next to this
 * class), each touching only the list's own key, so they also run on Redis Cluster.
 */
final class ListCommands {

    private static final LuaScript GET_AND_SET = LuaScript.fromResource(ListCommands.class, "list-get-and-set.lua");
    private static final LuaScript INSERT = LuaScript.fromResource(ListCommands.class, "list-insert.lua");
    private static final LuaScript REMOVE_AT = LuaScript.fromResource(ListCommands.class, "list-remove-at.lua");
    private static final LuaScript REMOVE_RANGE = LuaScript.fromResource(ListCommands.class, "list-remove-range.lua");
    private static final LuaScript REMOVE_ALL = LuaScript.fromResource(ListCommands.class, "list-remove-all.lua");
    private static final LuaScript RETAIN_ALL = LuaScript.fromResource(ListCommands.class, "list-retain-all.lua");
    private static final LuaScript CONTAINS_ALL = LuaScript.fromResource(ListCommands.class, "list-contains-all.lua");
    private static final LuaScript COMPARE_AND_REPLACE =
            LuaScript.fromResource(ListCommands.class, "list-compare-and-replace.lua");
    private static final LuaScript CREATE = LuaScript.fromResource(ListCommands.class, "list-create.lua");

    private final UnifiedJedis redis;
    private final byte[] key;
    private final TypedKey guard;

    ListCommands(TypedKey key) {
        this.redis = key.redis();
        this.key = key.raw();
        this.guard = key;
    }

    /** LLEN. */
    long size() {
        return guard.call(() -> redis.llen(key));
    }

    /** LINDEX; null when the index is beyond the end. */
    byte[] get(long index) {
        return guard.call(() -> redis.lindex(key, index));
    }

    /** LRANGE (inclusive bounds, Redis style). */
    List<byte[]> range(long start, long stop) {
        return guard.call(() -> redis.lrange(key, start, stop));
    }

    /** Script: LSET returning the old element, or null when the index is out of range. */
    byte[] getAndSet(long index, byte[] element) {
        return (byte[]) guard.call(() -> GET_AND_SET.run(redis, List.of(key), List.of(bytes(index), element)));
    }

    /** RPUSH of one or many elements. */
    void append(List<byte[]> elements) {
        if (!elements.isEmpty()) {
            guard.call(() -> redis.rpush(key, elements.toArray(new byte[0][])));
        }
    }

    /** Script: inserts before {@code index}; false when the index is beyond the end. */
    boolean insert(long index, List<byte[]> elements) {
        List<byte[]> args = new ArrayList<>(elements.size() + 1);
        args.add(bytes(index));
        args.addAll(elements);
        return (Long) guard.call(() -> INSERT.run(redis, List.of(key), args)) >= 0;
    }

    /** Script: removes the element at {@code index} and returns it, or null when out of range. */
    byte[] removeAt(long index) {
        // A marker that no encoded element can equal in practice: a NUL byte and a random UUID.
        byte[] marker = ("\0pottery-removed:" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        return (byte[]) guard.call(() -> REMOVE_AT.run(redis, List.of(key), List.of(bytes(index), marker)));
    }

    /** Script: removes positions [from, to); false when the range does not fit the list. */
    boolean removeRange(long from, long to) {
        return (Long) guard.call(() -> REMOVE_RANGE.run(redis, List.of(key), List.of(bytes(from), bytes(to)))) >= 0;
    }

    /** LREM count 1: whether the first occurrence was removed. */
    boolean removeFirst(byte[] element) {
        return guard.call(() -> redis.lrem(key, 1, element)) > 0;
    }

    /** Script: removes every occurrence of each element; how many went. */
    long removeAll(List<byte[]> elements) {
        return elements.isEmpty() ? 0 : (Long) guard.call(() -> REMOVE_ALL.run(redis, List.of(key), elements));
    }

    /** Script: keeps only the listed elements; how many were removed. */
    long retainAll(List<byte[]> elements) {
        return (Long) guard.call(() -> RETAIN_ALL.run(redis, List.of(key), elements));
    }

    /** Script: whether every element occurs. */
    boolean containsAll(List<byte[]> elements) {
        return Long.valueOf(1).equals(guard.call(() -> CONTAINS_ALL.run(redis, List.of(key), elements)));
    }

    /** LPOS: the first index of the element, or -1. */
    long indexOf(byte[] element) {
        Long index = guard.call(() -> redis.lpos(key, element));
        return index == null ? -1 : index;
    }

    /** LPOS RANK -1: the last index of the element (counted from the head), or -1. */
    long lastIndexOf(byte[] element) {
        Long index = guard.call(() -> redis.lpos(key, element, LPosParams.lPosParams().rank(-1)));
        return index == null ? -1 : index;
    }

    /**
     * Script: replaces the whole list with {@code replacement} if it still holds {@code expected}
     * (compared by digest inside Redis); whether it did.
     */
    boolean compareAndReplace(List<byte[]> expected, List<byte[]> replacement) {
        List<byte[]> args = new ArrayList<>(replacement.size() + 1);
        args.add(digest(expected).getBytes(StandardCharsets.US_ASCII));
        args.addAll(replacement);
        return Long.valueOf(1).equals(guard.call(() -> COMPARE_AND_REPLACE.run(redis, List.of(key), args)));
    }

    /** Script: appends the elements unless the key exists; whether it did. */
    boolean create(List<byte[]> elements) {
        return Long.valueOf(1).equals(guard.call(() -> CREATE.run(redis, List.of(key), elements)));
    }

    /** UNLINK of the whole key, refused if it holds another Redis type (one script). */
    void clear() {
        guard.clear();
    }

    /** SHA-1 hex of the elements, each written as {@code <byte length>:<bytes>}, as the script computes it. */
    static String digest(List<byte[]> elements) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            for (byte[] element : elements) {
                sha1.update((element.length + ":").getBytes(StandardCharsets.US_ASCII));
                sha1.update(element);
            }
            return HexFormat.of().formatHex(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
    }

    private static byte[] bytes(long number) {
        return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
    }
}
