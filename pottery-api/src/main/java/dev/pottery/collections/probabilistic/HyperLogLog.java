package dev.pottery.collections.probabilistic;

import dev.pottery.KeyExistsException;
import dev.pottery.codec.Codec;
import dev.pottery.collections.RedisBacked;
import dev.pottery.internal.ElementCodec.Nulls;
import dev.pottery.internal.ElementCodec;
import dev.pottery.internal.RandomKeys;
import dev.pottery.internal.TypedKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
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
 * <p>Elements are only ever encoded, never decoded, so there are no stored bytes to misread;
 * {@code null} is an element like any other ({@code null} in JSON: Python's {@code None in hll}).
 *
 * @param <E> the type of elements
 */
public class HyperLogLog<E> extends RedisBacked {

    private final ElementCodec<E> elements;
    private final HyperLogLogCommands commands;

    /** Opens the HyperLogLog at {@code key} with the JSON codec. */
    public HyperLogLog(UnifiedJedis redis, String key) {
        this(redis, key, ElementCodec.natural());
    }

    /** Opens a HyperLogLog at a new random key, deleted by {@link #close()}. */
    public HyperLogLog(UnifiedJedis redis) {
        this(redis, null, ElementCodec.natural());
    }

    /**
     * Creates the HyperLogLog at {@code key} holding {@code initial}, atomically.
     *
     * @throws KeyExistsException if {@code initial} is not empty and the key already exists (pottery
     *     merges silently; this library refuses, as its other collections do)
     */
    public HyperLogLog(UnifiedJedis redis, String key, Collection<? extends E> initial) {
        this(redis, key, ElementCodec.natural());
        create(initial);
    }

    HyperLogLog(UnifiedJedis redis, String key, Codec<E> codec) {
        super(redis, key);
        this.elements = new ElementCodec<>(Objects.requireNonNull(codec, "codec"), key(), "HyperLogLog", "element",
                Nulls.STORED);
        this.commands = new HyperLogLogCommands(new TypedKey(redis, key(), "string", "HyperLogLog"));
    }

    /** A builder, for a codec or initial data. */
    public static HyperLogLogBuilder<Object> builder(UnifiedJedis redis) {
        return new HyperLogLogBuilder<>(redis, ElementCodec.natural());
    }

    void create(Collection<? extends E> initial) {
        if (!initial.isEmpty() && !commands.create(elements.encodeAll(initial))) {
            throw new KeyExistsException(key());
        }
    }

    /**
     * Adds an element (PFADD).
     *
     * @return whether the estimate changed (then the element was certainly new)
     */
    public boolean add(E element) {
        return commands.add(List.of(elements.encode(element)));
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
        return commands.add(this.elements.encodeAll(elements));
    }

    /** The approximate number of distinct elements added (PFCOUNT). */
    public long size() {
        return commands.count();
    }

    /**
     * Whether the element was probably added, as pottery answers it: in one script, the HyperLogLog is
     * copied to a scratch key and the element PFADDed there; no register change means "seen". False
     * positives are possible, false negatives are not.
     */
    public boolean contains(E element) {
        return containsEach(Collections.singletonList(element)).get(0);
    }

    /** {@link #contains} for many elements in one script (pottery's {@code contains_many}). */
    public List<Boolean> containsEach(List<? extends E> elements) {
        if (elements.isEmpty()) {
            return List.of();
        }
        return commands.containsEach(this.elements.encodeAll(elements), scratchKey());
    }

    /**
     * Merges others into this one: one PFMERGE when they share this one's client and (on Redis Cluster)
     * hash slot; otherwise one GET per other source plus one script (see the class comment).
     */
    public void update(HyperLogLog<?>... others) {
        commands.mergeFrom(List.of(others), scratchKey());
    }

    /**
     * A new HyperLogLog at {@code newKey} (a random temporary key if null) holding the union of this one
     * and {@code others}, merged as {@link #update} does; this one is unchanged.
     */
    public HyperLogLog<E> union(String newKey, HyperLogLog<?>... others) {
        HyperLogLog<E> result = new HyperLogLog<>(redis(), newKey, elements.codec());
        List<HyperLogLog<?>> sources = new ArrayList<>(others.length + 1);
        sources.add(this);
        sources.addAll(List.of(others));
        result.commands.mergeFrom(sources, result.scratchKey());
        return result;
    }

    /** Deletes the key: one script, which refuses a key holding another Redis type. */
    public void clear() {
        commands.clear();
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

    HyperLogLogCommands commands() {
        return commands;
    }
}
