package dev.pottery.collections.probabilistic;

import dev.pottery.internal.ClusterSlots;
import dev.pottery.internal.LuaScript;
import dev.pottery.internal.TypedKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * Every Redis command {@link HyperLogLog} sends, each through the key's {@link TypedKey} (a WRONGTYPE
 * error names the key): PFADD, PFCOUNT, the membership probe script, and PFMERGE for
 * {@link HyperLogLog#update} and {@link HyperLogLog#union}.
 *
 * <p>Merging is one PFMERGE when every source is on the target's client and, on a cluster client, in the
 * target's hash slot. Otherwise the sources that cannot be named in the target's command (another slot,
 * another client) are read with one GET each (a HyperLogLog is a Redis string) and merged by one script
 * in the target's slot, through a scratch key there: the union works across slots and clients instead of
 * failing with CROSSSLOT, at the cost of one GET per such source (up to 12 KB each) and without
 * atomicity across the reads.
 */
final class HyperLogLogCommands {

    private static final LuaScript CREATE = LuaScript.fromResource(HyperLogLogCommands.class, "hll-create.lua");
    private static final LuaScript CONTAINS = LuaScript.fromResource(HyperLogLogCommands.class, "hll-contains.lua");
    private static final LuaScript MERGE = LuaScript.fromResource(HyperLogLogCommands.class, "hll-merge.lua");

    private final TypedKey key;
    private final UnifiedJedis redis;
    private final byte[] raw;

    HyperLogLogCommands(TypedKey key) {
        this.key = key;
        this.redis = key.redis();
        this.raw = key.raw();
    }

    /** Script: PFADDs the elements unless the key exists; whether it did. */
    boolean create(List<byte[]> elements) {
        return (Long) key.call(() -> CREATE.run(redis, List.of(raw), elements)) >= 0;
    }

    /** One PFADD: whether the estimate changed. */
    boolean add(List<byte[]> elements) {
        byte[][] all = elements.toArray(new byte[0][]);
        return key.call(() -> redis.pfadd(raw, all)) == 1;
    }

    /** PFCOUNT. */
    long count() {
        return key.call(() -> redis.pfcount(raw));
    }

    /** Script: for each element, whether PFADD on a copy (at {@code scratch}) would change nothing. */
    List<Boolean> containsEach(List<byte[]> elements, String scratch) {
        byte[] scratchKey = scratch.getBytes(StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        List<Long> seen = (List<Long>) key.call(() -> CONTAINS.run(redis, List.of(raw, scratchKey), elements));
        List<Boolean> out = new ArrayList<>(seen.size());
        for (Long s : seen) {
            out.add(s == 1L);
        }
        return out;
    }

    /** GET of the whole HyperLogLog string, or null when absent. */
    byte[] read() {
        return key.call(() -> redis.get(raw));
    }

    /**
     * Merges {@code sources} into this key (see the class comment); {@code scratch} is a key in this
     * key's hash slot.
     */
    void mergeFrom(List<HyperLogLog<?>> sources, String scratch) {
        List<byte[]> keys = new ArrayList<>(sources.size() + 1);
        keys.add(raw);
        boolean sameClient = true;
        for (HyperLogLog<?> source : sources) {
            keys.add(source.commands().raw);
            sameClient &= source.redis() == redis;
        }
        if (sameClient && ClusterSlots.oneCommandMayTouch(redis, keys)) {
            byte[][] from = keys.subList(1, keys.size()).toArray(new byte[0][]);
            key.call(() -> redis.pfmerge(raw, from));
            return;
        }
        int slot = ClusterSlots.slot(raw);
        List<byte[]> scriptKeys = new ArrayList<>();
        scriptKeys.add(raw);
        scriptKeys.add(scratch.getBytes(StandardCharsets.UTF_8));
        List<byte[]> values = new ArrayList<>();
        for (HyperLogLog<?> source : sources) {
            HyperLogLogCommands other = source.commands();
            boolean reachable = other.redis == redis
                    && (!ClusterSlots.isCluster(redis) || ClusterSlots.slot(other.raw) == slot);
            if (reachable) {
                scriptKeys.add(other.raw);
            } else {
                byte[] value = other.read();
                if (value != null) {
                    values.add(value); // a missing source is an empty HyperLogLog: nothing to merge
                }
            }
        }
        key.call(() -> MERGE.run(redis, scriptKeys, values));
    }

    /** UNLINK of the whole key, refused if it holds another Redis type (one script). */
    void clear() {
        key.clear();
    }
}
