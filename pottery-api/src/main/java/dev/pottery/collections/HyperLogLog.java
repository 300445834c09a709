package dev.pottery.collections;

import dev.pottery.KeyExistsException;
import dev.pottery.codec.Codec;
import dev.pottery.codec.JsonCodec;
import dev.pottery.internal.LuaScript;
import dev.pottery.internal.RandomKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * An approximate distinct counter in a Redis HyperLogLog, as Python pottery's {@code HyperLogLog}:
 * elements are PFADDed as their encoded bytes (JSON text by default), so Java and Python count alike.
 *
 * <pre>{@code
 * HyperLogLog<Object> visitors = new HyperLogLog<>(redis, "visitors:today");
 * visitors.add("alice");                          // PFADD
 * visitors.addAll(List.of("bob", "carol"));       // one PFADD
 * long about = visitors.size();                   // PFCOUNT: ~3 (0.81% standard error)
 * visitors.contains("alice");                     // true: pottery's copy-and-PFADD probe
 * HyperLogLog<Object> week = visitors.union("visitors:week", yesterday);   // PFMERGE into a new key
 * }</pre>
 *
 * <p>Costs: one command per operation ({@code add}, {@code addAll}, {@code size}, {@code union},
 * {@code update}); {@link #contains} and {@link #containsEach} run one script. On Redis Cluster,
 * {@code union} and {@code update} are one PFMERGE when all keys share a hash slot (name them with a
 * hash tag such as {@code {visitors}:today}); a source in another slot (or on another client) is read
 * with one GET and merged by one script in the target's slot, never a cross-slot error.
 * {@code contains} keeps its scratch key in the key's slot itself.
 *
 * @param <E> the type of elements
 */
public class HyperLogLog<E> extends RedisBacked {

    private static final LuaScript CREATE = LuaScript.fromResource(HyperLogLog.class, "hll-create.lua");
    private static final LuaScript CONTAINS = LuaScript.fromResource(HyperLogLog.class, "hll-contains.lua");

    private final Codec<E> codec;

    /** Opens the HyperLogLog at {@code key} with the JSON codec. */
    public HyperLogLog(UnifiedJedis redis, String key) {
        this(redis, key, CollectionCodecs.natural());
    }

    /** Opens a HyperLogLog at a new random key, deleted by {@link #close()}. */
    public HyperLogLog(UnifiedJedis redis) {
        this(redis, null, CollectionCodecs.natural());
    }

    /**
     * Creates the HyperLogLog at {@code key} holding {@code initial}, atomically.
     *
     * @throws KeyExistsException if {@code initial} is not empty and the key already exists (pottery
     *     merges silently; this library refuses, as its other collections do)
     */
    public HyperLogLog(UnifiedJedis redis, String key, Collection<? extends E> initial) {
        this(redis, key, CollectionCodecs.natural());
        create(initial);
    }

    HyperLogLog(UnifiedJedis redis, String key, Codec<E> codec) {
        super(redis, key);
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /** A builder, for a codec or initial data. */
    public static HyperLogLogBuilder<Object> builder(UnifiedJedis redis) {
        return new HyperLogLogBuilder<>(redis, JsonCodec.natural());
    }

    void create(Collection<? extends E> initial) {
        if (!initial.isEmpty() && (Long) call(() -> CREATE.run(redis(), List.of(rawKey()), encodeAll(initial))) < 0) {
            throw new KeyExistsException(key());
        }
    }

    /**
     * Adds an element (PFADD).
     *
     * @return whether the estimate changed (then the element was certainly new)
     */
    public boolean add(E element) {
        byte[] encoded = encode(element);
        return call(() -> redis().pfadd(rawKey(), encoded)) == 1;
    }

    /**
     * Adds every element with one PFADD.
     *
     * @return whether the estimate changed
     */
    public boolean addAll(Collection<? extends E> elements) {
        if (elements.isEmpty()) {
            return false;
        }
        byte[][] encoded = encodeAll(elements).toArray(new byte[0][]);
        return call(() -> redis().pfadd(rawKey(), encoded)) == 1;
    }

    /** The approximate number of distinct elements added (PFCOUNT). */
    public long size() {
        return call(() -> redis().pfcount(rawKey()));
    }

    /**
     * Whether the element was probably added, as pottery answers it: in one script, the HyperLogLog is
     * copied to a scratch key and the element PFADDed there; no register change means "seen". False
     * positives are possible, false negatives are not.
     */
    public boolean contains(E element) {
        return containsEach(List.of(element)).get(0);
    }

    /** {@link #contains} for many elements in one script (pottery's {@code contains_many}). */
    public List<Boolean> containsEach(List<? extends E> elements) {
        if (elements.isEmpty()) {
            return List.of();
        }
        List<byte[]> args = encodeAll(elements);
        byte[] scratch = scratchKey().getBytes(StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        List<Long> seen = (List<Long>) call(() -> CONTAINS.run(redis(), List.of(rawKey(), scratch), args));
        List<Boolean> out = new ArrayList<>(seen.size());
        for (Long s : seen) {
            out.add(s == 1L);
        }
        return out;
    }

    /**
     * Merges others into this one: one PFMERGE when they share this one's client and (on Redis Cluster)
     * hash slot; otherwise one GET per other source plus one script (see the class comment).
     */
    public void update(HyperLogLog<?>... others) {
        HyperLogLogMerge.into(this, List.of(others));
    }

    /**
     * A new HyperLogLog at {@code newKey} (a random temporary key if null) holding the union of this one
     * and {@code others}, merged as {@link #update} does; this one is unchanged.
     */
    public HyperLogLog<E> union(String newKey, HyperLogLog<?>... others) {
        HyperLogLog<E> result = new HyperLogLog<>(redis(), newKey, codec);
        List<HyperLogLog<?>> sources = new ArrayList<>(others.length + 1);
        sources.add(this);
        sources.addAll(List.of(others));
        HyperLogLogMerge.into(result, sources);
        return result;
    }

    /** Deletes the key (UNLINK). */
    public void clear() {
        redis().unlink(rawKey());
    }

    /**
     * A scratch key in the same Redis Cluster hash slot as ours: the key's own hash tag when it has one,
     * else the whole key as the tag.
     */
    String scratchKey() {
        String key = key();
        String suffix = ":hll-probe:" + RandomKeys.candidate().substring(RandomKeys.PREFIX.length());
        int open = key.indexOf('{');
        int close = open < 0 ? -1 : key.indexOf('}', open + 1);
        if (open >= 0 && close > open + 1) {
            return key + suffix; // the first {tag} stays first, so the slot is the same
        }
        if (key.indexOf('}') < 0) {
            return "{" + key + "}" + suffix; // the whole key is hashed, and here it can be the tag
        }
        // a '}' would cut the tag short: find a short tag hashing to the key's slot (16384 slots)
        int slot = JedisClusterCRC16.getSlot(key);
        for (int tag = 0; tag < 1 << 22; tag++) {
            String candidate = "{" + Integer.toString(tag, 36) + "}";
            if (JedisClusterCRC16.getSlot(candidate) == slot) {
                return candidate + suffix;
            }
        }
        return key + suffix; // not reached in practice: short tags cover every slot
    }

    /** Same client and key. */
    @Override
    public boolean equals(Object o) {
        return o == this || sameKeyAs(o) && o instanceof HyperLogLog;
    }

    /** The key's hash, consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return key().hashCode();
    }

    /** {@code <HyperLogLog key=visitors>} (pottery also prints the size; that would cost a round trip). */
    @Override
    public String toString() {
        return "<HyperLogLog key=" + key() + ">";
    }

    private List<byte[]> encodeAll(Collection<? extends E> elements) {
        List<byte[]> out = new ArrayList<>(elements.size());
        for (E e : elements) {
            out.add(encode(e));
        }
        return out;
    }

    private byte[] encode(E element) {
        return TypedAccess.encode(this, codec, element);
    }

    private <T> T call(Supplier<T> command) {
        return TypedAccess.call(this, "HyperLogLog", command);
    }
}
