package dev.pottery.jcache;

import dev.pottery.codec.Codec;
import dev.pottery.codec.CodecException;
import dev.pottery.internal.LuaScript;
import dev.pottery.jcache.expiry.ExpiryDurations;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.cache.CacheException;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The Redis command layer of one cache: encodes keys and values, runs the cache's Lua scripts by SHA, and
 * turns their replies into {@link EntryResult}s. Every Redis call of a cache goes through here.
 *
 * <pre>{@code
 * CacheStore<String, Integer> store = new CacheStore<>(redis, keys, keyCodec, valueCodec, "cache-host:6379");
 * EntryResult r = store.entry(EntryOp.PUT, store.encodeKey("a"), store.encodeValue(1), null, durations);
 * }</pre>
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class CacheStore<K, V> {

    private static final LuaScript ENTRY = LuaScript.fromResource(CacheStore.class, "entry.lua");
    private static final LuaScript BATCH = LuaScript.fromResource(CacheStore.class, "batch.lua");
    private static final LuaScript SCAN = LuaScript.fromResource(CacheStore.class, "scan.lua");
    private static final LuaScript SWEEP = LuaScript.fromResource(CacheStore.class, "sweep.lua");
    private static final byte[] EMPTY = new byte[0];

    private final UnifiedJedis redis;
    private final CacheKeys keys;
    private final List<byte[]> scriptKeys;
    private final byte[] origin;
    private final Codec<K> keyCodec;
    private final Codec<V> valueCodec;
    private final String address;
    private final String cacheName;

    /** A store for the cache whose keys are {@code keys}, on {@code redis} (described by {@code address}). */
    public CacheStore(UnifiedJedis redis, String cacheName, CacheKeys keys, Codec<K> keyCodec, Codec<V> valueCodec,
                      String address) {
        this.redis = redis;
        this.cacheName = cacheName;
        this.keys = keys;
        this.scriptKeys = List.of(keys.entriesBytes(), keys.expiryBytes(), keys.subscribersBytes());
        this.origin = ascii(java.util.UUID.randomUUID().toString());
        this.keyCodec = keyCodec;
        this.valueCodec = valueCodec;
        this.address = address;
    }

    /** The cache's Redis keys. */
    public CacheKeys keys() {
        return keys;
    }

    /** This cache instance's id, which marks the events its scripts publish. */
    public String origin() {
        return new String(origin, StandardCharsets.US_ASCII);
    }

    /** The client this store talks through. */
    public UnifiedJedis redis() {
        return redis;
    }

    /** Encodes a key; a key that cannot be encoded is a CacheException naming its type. */
    public byte[] encodeKey(K key) {
        try {
            return keyCodec.encode(key);
        } catch (CodecException e) {
            throw new CacheException("cannot store key of type " + key.getClass().getName() + " in "
                    + where() + ": " + e.getMessage(), e);
        }
    }

    /** Encodes a value; a value that cannot be encoded is a CacheException naming its type. */
    public byte[] encodeValue(V value) {
        try {
            return valueCodec.encode(value);
        } catch (CodecException e) {
            throw new CacheException("cannot store value of type " + value.getClass().getName() + " in "
                    + where() + ": " + e.getMessage(), e);
        }
    }

    /** Decodes a key read from Redis. */
    public K decodeKey(byte[] bytes) {
        try {
            return keyCodec.decode(bytes, keys.entries());
        } catch (CodecException e) {
            throw new CacheException("cannot read a key of " + where() + ": " + e.getMessage(), e);
        }
    }

    /** Decodes a value read from Redis (null stays null). */
    public V decodeValue(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return valueCodec.decode(bytes, keys.entries());
        } catch (CodecException e) {
            throw new CacheException("cannot read a value of " + where() + ": " + e.getMessage(), e);
        }
    }

    /** Decodes the value read from Redis for {@code key}, naming the key if it cannot be read (null stays null). */
    public V decodeValueOf(K key, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return valueCodec.decode(bytes, keys.entries());
        } catch (CodecException e) {
            throw new CacheException("cannot read the value of " + FailureText.key(key) + " in " + where() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Runs one entry operation. Durations the script needs but {@code durations} could not give up front are
     * asked of the policy, exactly the one the script names, and the script runs again.
     */
    public EntryResult entry(EntryOp op, byte[] key, byte[] value, byte[] expected, ExpiryDurations durations) {
        return commit(op, key, value, expected, false, "none", durations);
    }

    /** Runs an operation with all of entry.lua's arguments (the entry processor's write-back uses them all). */
    public EntryResult commit(EntryOp op, byte[] key, byte[] value, byte[] expected, boolean expectedPresent,
                              String action, ExpiryDurations durations) {
        long create = durations.creation();
        long update = durations.update();
        long access = durations.access();
        while (true) {
            List<byte[]> args = List.of(ascii(op.wire()), key, value == null ? EMPTY : value,
                    ascii(Long.toString(create)), ascii(Long.toString(update)), ascii(Long.toString(access)),
                    expected == null ? EMPTY : expected, ascii(expectedPresent ? "1" : "0"), ascii(action),
                    keys.channelBytes(), origin);
            List<?> reply = (List<?>) callFor(key, () -> ENTRY.run(redis, scriptKeys, args));
            Outcome outcome = Outcome.parse(reply.get(0));
            if (outcome != Outcome.ASK) {
                return new EntryResult(outcome, bytes(reply, 1), bytes(reply, 2), null);
            }
            String kind = text(reply.get(1));
            long ms = durations.ask(kind);
            if (kind.equals("access") && ms == ExpiryDurations.UNCHANGED && reply.size() >= 4) {
                // The script already read the entry atomically; leaving its expiry unchanged needs no second call.
                return new EntryResult(Outcome.parse(reply.get(2)), bytes(reply, 3), null, null);
            }
            switch (kind) {
                case "create" -> create = ms;
                case "update" -> update = ms;
                default -> access = ms;
            }
        }
    }

    /**
     * Runs a batch ("get", "put", "putIfAbsent", "remove", "contains") over encoded keys (and values for
     * puts) in one script call, asking the policy only for the durations the script names.
     */
    public List<EntryResult> batch(String op, List<byte[]> keyList, List<byte[]> valueList, ExpiryDurations durations) {
        int n = keyList.size();
        long[] first = new long[n];
        long[] second = new long[n];
        for (int i = 0; i < n; i++) {
            first[i] = op.equals("get") ? durations.access() : durations.creation();
            second[i] = durations.update();
        }
        while (true) {
            List<byte[]> args = new ArrayList<>(1 + 4 * n);
            args.add(ascii(op));
            for (int i = 0; i < n; i++) {
                args.add(keyList.get(i));
                args.add(valueList == null ? EMPTY : valueList.get(i));
                args.add(ascii(Long.toString(first[i])));
                args.add(ascii(Long.toString(second[i])));
            }
            args.add(keys.channelBytes());
            args.add(origin);
            List<?> reply = (List<?>) call(() -> BATCH.run(redis, scriptKeys, args));
            if (!reply.isEmpty() && Outcome.parse(reply.get(0)) == Outcome.ASK) {
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
            List<EntryResult> results = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                results.add(new EntryResult(Outcome.parse(reply.get(3 * i)), bytes(reply, 3 * i + 1),
                        bytes(reply, 3 * i + 2), null));
            }
            return results;
        }
    }

    /** One HSCAN step from {@code cursor}, expired entries deleted on the way. */
    public ScanStep scan(byte[] cursor, int count, long accessMs) {
        List<byte[]> args = List.of(cursor, ascii(Integer.toString(count)), ascii(Long.toString(accessMs)),
                keys.channelBytes(), origin);
        List<?> reply = (List<?>) call(() -> SCAN.run(redis, scriptKeys, args));
        return new ScanStep((byte[]) reply.get(0), pairs(reply.get(1)), pairs(reply.get(2)));
    }

    /**
     * Deletes up to {@code limit} entries whose expiry time has passed; returns them as key/value pairs.
     * {@code listening} renews this instance's subscriber mark on the way.
     */
    public List<byte[][]> sweep(int limit, boolean listening) {
        Object reply = call(() -> SWEEP.run(redis, scriptKeys,
                List.of(ascii(Integer.toString(limit)), ascii(listening ? "1" : "0"), keys.channelBytes(), origin)));
        return pairs(reply);
    }

    /** Deletes every entry (one DEL of both keys). */
    public void clear() {
        call(() -> redis.del(keys.entriesBytes(), keys.expiryBytes()));
    }

    /** Deletes the entries, the recorded configuration and the subscriber records. */
    public void destroy() {
        call(() -> redis.del(keys.entriesBytes(), keys.expiryBytes(), keys.configBytes(), keys.subscribersBytes()));
    }

    /** Marks this cache instance as listening, so the scripts publish changes for it. */
    public void subscribe() {
        call(() -> redis.hset(keys.subscribersBytes(), origin, ascii(Long.toString(System.currentTimeMillis()))));
    }

    /** Withdraws this cache instance's mark. */
    public void unsubscribe() {
        call(() -> redis.hdel(keys.subscribersBytes(), origin));
    }

    /** Records the cache's configuration. */
    public void writeConfig(byte[] record) {
        call(() -> redis.set(keys.configBytes(), record));
    }

    /** The recorded configuration, or null. */
    public byte[] readConfig() {
        return call(() -> redis.get(keys.configBytes()));
    }

    /** Runs a Redis call, turning client failures into CacheException naming the cache and server. */
    public <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisException e) {
            throw new CacheException("Redis failed for " + where() + " at " + keys.entries() + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #call}, for one entry: the message also names its key (see {@link FailureText#key}). */
    public <T> T callFor(byte[] key, Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisException e) {
            throw new CacheException("Redis failed for " + shownKey(key) + " of " + where() + ": " + e.getMessage(), e);
        }
    }

    /** "cache NAME (Redis ADDRESS)", for messages. */
    public String where() {
        return FailureText.cache(cacheName, address);
    }

    /** The key for a message, decoded from its bytes (a key that cannot be decoded is just "a key"). */
    private String shownKey(byte[] key) {
        try {
            return FailureText.key(keyCodec.decode(key));
        } catch (RuntimeException e) {
            return "a key";
        }
    }

    /** One step of a cursor scan: the next cursor, live entries and expired entries, as key/value pairs. */
    public record ScanStep(byte[] cursor, List<byte[][]> live, List<byte[][]> expired) {

        /** Whether the scan has come back to cursor 0. */
        public boolean finished() {
            return cursor.length == 1 && cursor[0] == '0';
        }
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

    private static String text(Object reply) {
        return reply instanceof byte[] b ? new String(b, StandardCharsets.US_ASCII) : String.valueOf(reply);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
