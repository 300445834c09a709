package dev.pottery.collections;

import dev.pottery.internal.ClusterSlots;
import dev.pottery.internal.LuaScript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * PFMERGE for {@link HyperLogLog#update} and {@link HyperLogLog#union}. One PFMERGE when every source is
 * on the target's client and, on a cluster client, in the target's hash slot. Otherwise the sources that
 * cannot be named in the target's command (another slot, another client) are read with one GET each (a
 * HyperLogLog is a Redis string) and merged by one script in the target's slot, through a scratch key
 * there: the union works across slots and clients instead of failing with CROSSSLOT, at the cost of
 * one GET per such source (up to 12 KB each) and without atomicity across the reads.
 */
final class HyperLogLogMerge {

    private static final LuaScript MERGE = LuaScript.fromResource(HyperLogLogMerge.class, "hll-merge.lua");

    private HyperLogLogMerge() {
    }

    static void into(HyperLogLog<?> target, List<HyperLogLog<?>> sources) {
        List<byte[]> keys = new ArrayList<>(sources.size() + 1);
        keys.add(target.rawKey());
        boolean sameClient = true;
        for (HyperLogLog<?> source : sources) {
            keys.add(source.rawKey());
            sameClient &= source.redis() == target.redis();
        }
        if (sameClient && ClusterSlots.oneCommandMayTouch(target.redis(), keys)) {
            byte[][] from = keys.subList(1, keys.size()).toArray(new byte[0][]);
            TypedAccess.call(target, "HyperLogLog", () -> target.redis().pfmerge(target.rawKey(), from));
            return;
        }
        int slot = ClusterSlots.slot(target.rawKey());
        List<byte[]> scriptKeys = new ArrayList<>();
        scriptKeys.add(target.rawKey());
        scriptKeys.add(target.scratchKey().getBytes(StandardCharsets.UTF_8));
        List<byte[]> values = new ArrayList<>();
        for (HyperLogLog<?> source : sources) {
            boolean reachable = source.redis() == target.redis()
                    && (!ClusterSlots.isCluster(target.redis()) || ClusterSlots.slot(source.rawKey()) == slot);
            if (reachable) {
                scriptKeys.add(source.rawKey());
            } else {
                byte[] value = TypedAccess.call(source, "HyperLogLog", () -> source.redis().get(source.rawKey()));
                if (value != null) {
                    values.add(value); // a missing source is an empty HyperLogLog: nothing to merge
                }
            }
        }
        TypedAccess.call(target, "HyperLogLog", () -> MERGE.run(target.redis(), scriptKeys, values));
    }
}
