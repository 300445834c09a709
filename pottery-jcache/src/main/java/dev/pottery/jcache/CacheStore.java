package dev.pottery.jcache;

import dev.pottery.internal.LuaScript;
import dev.pottery.jcache.expiry.ExpiryDurations;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.cache.CacheException;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The Redis command layer of one cache: turns typed calls ({@link EntryCall}, {@link BatchCall}) into its Lua
 * scripts' arguments, runs them by SHA, and reads their replies into {@link EntryReply} values. It works on
 * encoded bytes only; every Redis call of a cache goes through here, and every Redis failure leaves it as a
 * {@link CacheException} naming the cache, the server and (for one entry) the key.
 *
 * <pre>{@code
 * EntryReply r = store.entry(EntryCall.of(EntryAction.PUT, key, value), durations);   // one EVALSHA
 * }</pre>
 */
final class CacheStore {

    private static final LuaScript ENTRY = LuaScript.fromResource(CacheStore.class, "entry.lua");
    private static final LuaScript BATCH = LuaScript.fromResource(CacheStore.class, "batch.lua");
    private static final LuaScript SCAN = LuaScript.fromResource(CacheStore.class, "scan.lua");
    private static final LuaScript SWEEP = LuaScript.fromResource(CacheStore.class, "sweep.lua");
    private static final LuaScript RENEW = LuaScript.fromResource(CacheStore.class, "renew.lua");
    private static final LuaScript CLEAR = LuaScript.fromResource(CacheStore.class, "clear.lua");
    private static final LuaScript PLAIN = LuaScript.fromResource(CacheStore.class, "plain.lua");
    private static final byte[] EMPTY = new byte[0];
    private static final byte[] ZERO = ascii("0");

    private final UnifiedJedis redis;
    private final CacheKeys keys;
    private final byte[] entries;
    private final byte[] expiry;
    private final byte[] subscribers;
    private final byte[] fence;
    private final byte[] channel;
    private final byte[] origin;
    private final byte[] leaseMillis;
    private final String where;
    private final KeyText keyText;
    private final Invalidations invalidations;

    /**
     * A store for the cache whose keys are {@code keys} on {@code redis}; {@code where} names cache and server
     * in messages, {@code keyText} shows a key, entry leases last {@code leaseMillis} unless renewed, and
     * {@code invalidations} hears of every entry a call may have changed, once the call returned.
     */
    CacheStore(UnifiedJedis redis, CacheKeys keys, String where, KeyText keyText, long leaseMillis,
               Invalidations invalidations) {
        this.invalidations = invalidations;
        this.redis = redis;
        this.keys = keys;
        this.entries = keys.entriesBytes();
        this.expiry = keys.expiryBytes();
        this.subscribers = keys.subscribersBytes();
        this.fence = keys.fenceBytes();
        this.channel = keys.channelBytes();
        this.origin = ascii(UUID.randomUUID().toString());
        this.leaseMillis = ascii(Long.toString(leaseMillis));
        this.where = where;
        this.keyText = keyText;
    }

    /** The cache's Redis keys. */
    CacheKeys keys() {
        return keys;
    }

    /** This cache instance's id, which marks the events its scripts publish. */
    String origin() {
        return new String(origin, StandardCharsets.US_ASCII);
    }

    /** "cache NAME (Redis ADDRESS)", for messages. */
    String where() {
        return where;
    }

    /**
     * Runs one entry call (one EVALSHA). Durations the script needs but {@code durations} could not give up
     * front are asked of the policy — exactly the one the script names — and the script runs again.
     */
    EntryReply entry(EntryCall call, ExpiryDurations durations) {
        long create = durations.creation();
        long update = durations.update();
        long access = durations.access();
        byte[] leaseKey = keys.lease(call.key());
        List<byte[]> scriptKeys = List.of(entries, expiry, subscribers, leaseKey, fence);
        while (true) {
            List<byte[]> args = List.of(ascii(call.action().wire()), call.key(), orEmpty(call.value()),
                    number(create), number(update), number(access), orEmpty(call.expected()),
                    call.expectPresent() ? ascii("1") : ZERO, ascii(call.lease().wire()), leaseMillis, channel,
                    origin, call.life() ? ascii("1") : ZERO);
            List<?> reply;
            try {
                reply = (List<?>) callFor(call.key(), () -> ENTRY.run(redis, scriptKeys, args));
            } finally {
                if (call.writes()) {
                    invalidations.invalidate(call.key());
                }
            }
            if (!"ask".equals(text(reply.get(0)))) {
                return new EntryReply(Outcome.parse(reply.get(0)), bytes(reply, 1), bytes(reply, 2),
                        number(reply, 3), reply.size() > 4 ? number(reply, 4) : -1);
            }
            String kind = text(reply.get(1));
            long ms = durations.ask(kind);
            if (kind.equals("access") && ms == ExpiryDurations.UNCHANGED && !call.lease().isHeld()) {
                // The script already read the entry atomically; leaving its expiry unchanged needs no second call.
                return new EntryReply(Outcome.parse(reply.get(2)), bytes(reply, 3), null, 0);
            }
            switch (kind) {
                case "create" -> create = ms;
                case "update" -> update = ms;
                default -> access = ms;
            }
        }
    }

    /**
     * Runs one batch call (one EVALSHA), asking the policy only for the durations the script names; one reply
     * per key, in the call's order.
     */
    List<EntryReply> batch(BatchCall call, ExpiryDurations durations) {
        int n = call.keys().size();
        long[] first = new long[n];
        long[] second = new long[n];
        Arrays.fill(first, call.action() == BatchAction.GET ? durations.access() : durations.creation());
        Arrays.fill(second, durations.update());
        List<byte[]> scriptKeys = batchKeys(call.keys(), call.lease());
        while (true) {
            List<byte[]> args = new ArrayList<>(5 + 4 * n);
            args.add(ascii(call.action().wire()));
            args.add(ascii(call.lease().wire()));
            args.add(leaseMillis);
            for (int i = 0; i < n; i++) {
                args.add(call.keys().get(i));
                args.add(call.values() == null ? EMPTY : call.values().get(i));
                args.add(number(first[i]));
                args.add(number(second[i]));
            }
            args.add(channel);
            args.add(origin);
            List<?> reply;
            try {
                reply = (List<?>) call(() -> BATCH.run(redis, scriptKeys, args));
            } finally {
                if (call.action() != BatchAction.GET && call.action() != BatchAction.CONTAINS) {
                    call.keys().forEach(invalidations::invalidate);
                }
            }
            if (!reply.isEmpty() && "ask".equals(text(reply.get(0)))) {
                for (int j = 1; j + 1 < reply.size(); j += 2) {
                    int index = ((Long) reply.get(j)).intValue() - 1;
                    String kind = text(reply.get(j + 1));
                    long ms = durations.ask(kind);
                    if (kind.equals("update")) {
                        second[index] = ms;
                    } else {
                        first[index] = ms;
                    }
                }
                continue;
            }
            List<EntryReply> results = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                results.add(new EntryReply(Outcome.parse(reply.get(4 * i)), bytes(reply, 4 * i + 1),
                        bytes(reply, 4 * i + 2), number(reply, 4 * i + 3)));
            }
            return results;
        }
    }

    /**
     * Takes the leases of all {@code keys} at once, or none if another process holds any of them (so that two
     * batches never wait for each other in a cycle). Returns the fencing token, or 0 if some lease is held.
     */
    long leaseAll(List<byte[]> keyList) {
        List<?> reply = (List<?>) call(() -> BATCH.run(redis, batchKeys(keyList, LeaseUse.ACQUIRE),
                batchArgs("lease", LeaseUse.ACQUIRE, keyList)));
        return "acquired".equals(text(reply.get(0))) ? number(reply, 1) : 0;
    }

    /** Releases the leases of {@code keys} that are still held with {@code token}. */
    void releaseAll(List<byte[]> keyList, long token) {
        LeaseUse held = LeaseUse.held(token);
        call(() -> BATCH.run(redis, batchKeys(keyList, held), batchArgs("release", held, keyList)));
    }

    /**
     * Renews leases this process holds: {@code leases.get(i)} held with {@code tokens.get(i)}. Returns, per
     * lease, whether it was still held (and is renewed).
     */
    boolean[] renew(List<byte[]> leaseKeys, List<Long> tokens) {
        List<byte[]> args = new ArrayList<>(tokens.size() + 1);
        tokens.forEach(token -> args.add(number(token)));
        args.add(leaseMillis);
        List<?> reply = (List<?>) call(() -> RENEW.run(redis, leaseKeys, args));
        boolean[] renewed = new boolean[reply.size()];
        for (int i = 0; i < renewed.length; i++) {
            renewed[i] = ((Long) reply.get(i)) == 1L;
        }
        return renewed;
    }

    /** One HSCAN step from {@code cursor}, expired entries skipped. */
    ScanStep scan(byte[] cursor, int count, long accessMs) {
        List<byte[]> args = List.of(cursor, ascii(Integer.toString(count)), number(accessMs));
        List<?> reply = (List<?>) call(() -> SCAN.run(redis, List.of(entries, expiry), args));
        return new ScanStep((byte[]) reply.get(0), pairs(reply.get(1)));
    }

    /** Deletes up to {@code limit} entries whose expiry time has passed; returns them as key/value pairs. */
    List<byte[][]> sweep(int limit) {
        Object reply = call(() -> SWEEP.run(redis, List.of(entries, expiry, subscribers),
                List.of(ascii(Integer.toString(limit)), channel, origin)));
        List<byte[][]> gone = pairs(reply);
        gone.forEach(pair -> invalidations.invalidate(pair[0]));
        return gone;
    }

    /** Deletes every entry (one script: DEL of both keys, and the announcement for other near caches). */
    void clear() {
        try {
            call(() -> CLEAR.run(redis, List.of(entries, expiry, subscribers), List.of(channel, origin)));
        } finally {
            invalidations.invalidateAll();
        }
    }

    /** Deletes the entries (announced as a clear), the recorded configuration, the subscriber records and the fencing counter. */
    void destroy() {
        clear();
        call(() -> redis.del(keys.configBytes(), subscribers, fence));
    }

    /**
     * Puts ({@code values} given) or removes entries of a cache whose entries never expire, without writer
     * (ending any lease on the entries, as {@link LeaseUse#BREAK}): one script call ({@code plain.lua}) that, while nobody listens anywhere and {@code wantOld} is
     * false, is a single HSET or HDEL per entry on the server. Returns the outcome and old value per entry
     * ({@link PlainWrites#each()}), or only how many entries were created or removed ({@link PlainWrites#count()}).
     */
    PlainWrites plainWrites(boolean put, List<byte[]> keyList, List<byte[]> values, boolean wantOld) {
        List<byte[]> args = new ArrayList<>(4 + keyList.size() * (put ? 2 : 1));
        args.add(ascii(put ? "put" : "remove"));
        args.add(wantOld ? ascii("1") : ZERO);
        args.add(channel);
        args.add(origin);
        for (int i = 0; i < keyList.size(); i++) {
            args.add(keyList.get(i));
            if (put) {
                args.add(values.get(i));
            }
        }
        List<byte[]> scriptKeys = new ArrayList<>(2 + keyList.size());
        scriptKeys.add(entries);
        scriptKeys.add(subscribers);
        keyList.forEach(key -> scriptKeys.add(keys.lease(key)));
        List<?> reply;
        try {
            reply = keyList.size() == 1
                    ? (List<?>) callFor(keyList.get(0), () -> PLAIN.run(redis, scriptKeys, args))
                    : (List<?>) call(() -> PLAIN.run(redis, scriptKeys, args));
        } finally {
            keyList.forEach(invalidations::invalidate);
        }
        if ("count".equals(text(reply.get(0)))) {
            return new PlainWrites((Long) reply.get(1), null);
        }
        List<EntryReply> each = new ArrayList<>(keyList.size());
        for (int i = 1; i + 1 < reply.size(); i += 2) {
            each.add(new EntryReply(Outcome.parse(reply.get(i)), bytes(reply, i + 1), null, 0));
        }
        return new PlainWrites(-1, each);
    }

    /**
     * The write-back of an entry processor on a present entry of an eternal cache without writer: puts
     * {@code value} (or, if null, removes the entry) only if it still holds {@code expected} — one call of
     * {@code plain.lua}. The reply is UPDATED or REMOVED with the old value, or CONFLICT.
     */
    EntryReply swap(byte[] key, byte[] expected, byte[] value) {
        List<byte[]> args = List.of(ascii("swap"), ZERO, channel, origin, key, expected, orEmpty(value));
        List<?> reply;
        try {
            reply = (List<?>) callFor(key, () -> PLAIN.run(redis, List.of(entries, subscribers), args));
        } finally {
            invalidations.invalidate(key);
        }
        return new EntryReply(Outcome.parse(reply.get(1)), bytes(reply, 2), null, 0);
    }

    /**
     * What {@link #plainWrites} did: the count of entries created (put) or removed (remove) when nobody needed
     * more, else the reply of each entry.
     *
     * @param count entries created or removed, or -1 when {@code each} is given
     * @param each per entry, its outcome and old value, or null
     */
    record PlainWrites(long count, List<EntryReply> each) {
    }

    /** The value of one entry, read with a plain HGET: for caches whose entries never expire (eternal). */
    byte[] read(byte[] key) {
        return callFor(key, () -> redis.hget(entries, key));
    }

    /** Whether an entry is there, read with a plain HEXISTS: for eternal caches. */
    boolean exists(byte[] key) {
        return callFor(key, () -> redis.hexists(entries, key));
    }

    /** The values of many entries (null where absent), read with one HMGET: for eternal caches. */
    List<byte[]> readAll(List<byte[]> keyList) {
        return call(() -> redis.hmget(entries, keyList.toArray(new byte[0][])));
    }

    /**
     * Marks this cache instance as listening, so the scripts publish changes for it (one HSET); also renews
     * the mark. Returns whether the mark was missing (first call, or the hash was lost: a Redis restart
     * without persistence, a FLUSHALL, a destroyCache elsewhere), so that changes since may have gone
     * unpublished.
     */
    boolean subscribe() {
        return call(() -> redis.hset(subscribers, origin, ascii(Long.toString(System.currentTimeMillis())))) == 1L;
    }

    /** Withdraws this cache instance's mark. */
    void unsubscribe() {
        call(() -> redis.hdel(subscribers, origin));
    }

    /** Whether the cache holds any entry (one EXISTS). */
    boolean holdsEntries() {
        return call(() -> redis.exists(entries));
    }

    /** Deletes the recorded configuration only (a pointer to a cache kept in another namespace). */
    void forgetConfig() {
        call(() -> redis.del(keys.configBytes()));
    }

    /** Records the cache's configuration. */
    void writeConfig(byte[] record) {
        call(() -> redis.set(keys.configBytes(), record));
    }

    /** The recorded configuration, or null. */
    byte[] readConfig() {
        return call(() -> redis.get(keys.configBytes()));
    }

    /** Runs a Redis call, turning client failures into CacheException naming the cache and server. */
    <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisException e) {
            throw new CacheException("Redis failed for " + where + " at " + keys.entries() + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #call}, for one entry: the message also names its key. */
    <T> T callFor(byte[] key, Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisException e) {
            throw new CacheException("Redis failed for " + keyText.of(key) + " of " + where + ": " + e.getMessage(), e);
        }
    }

    /** One step of a cursor scan: the next cursor and the live entries, as key/value pairs. */
    record ScanStep(byte[] cursor, List<byte[][]> live) {

        /** Whether the scan has come back to cursor 0. */
        boolean finished() {
            return cursor.length == 1 && cursor[0] == '0';
        }
    }

    private List<byte[]> batchKeys(List<byte[]> keyList, LeaseUse lease) {
        List<byte[]> scriptKeys = new ArrayList<>(4 + (lease == LeaseUse.NONE ? 0 : keyList.size()));
        scriptKeys.add(entries);
        scriptKeys.add(expiry);
        scriptKeys.add(subscribers);
        scriptKeys.add(fence);
        if (lease != LeaseUse.NONE) {
            keyList.forEach(key -> scriptKeys.add(keys.lease(key)));
        }
        return scriptKeys;
    }

    private List<byte[]> batchArgs(String action, LeaseUse lease, List<byte[]> keyList) {
        List<byte[]> args = new ArrayList<>(5 + 4 * keyList.size());
        args.add(ascii(action));
        args.add(ascii(lease.wire()));
        args.add(leaseMillis);
        for (byte[] key : keyList) {
            args.add(key);
            args.add(EMPTY);
            args.add(ZERO);
            args.add(ZERO);
        }
        args.add(channel);
        args.add(origin);
        return args;
    }

    private static List<byte[][]> pairs(Object reply) {
        List<?> flat = (List<?>) reply;
        List<byte[][]> pairs = new ArrayList<>(flat.size() / 2);
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            pairs.add(new byte[][] {(byte[]) flat.get(i), (byte[]) flat.get(i + 1)});
        }
        return pairs;
    }

    private static byte[] bytes(List<?> reply, int index) {
        if (index >= reply.size()) {
            return null;
        }
        return reply.get(index) instanceof byte[] b ? b : null;
    }

    private static long number(List<?> reply, int index) {
        return index < reply.size() && reply.get(index) instanceof Long n ? n : 0;
    }

    private static String text(Object reply) {
        return reply instanceof byte[] b ? new String(b, StandardCharsets.US_ASCII) : String.valueOf(reply);
    }

    private static byte[] orEmpty(byte[] bytes) {
        return bytes == null ? EMPTY : bytes;
    }

    private static byte[] number(long value) {
        return ascii(Long.toString(value));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
