package dev.pottery.bench;

import java.util.function.Function;

/**
 * A named operation and how to prepare it.
 *
 * @param name     the row's name, e.g. {@code RedisMap.get}
 * @param floor    the name of the raw-Jedis operation doing the same work (null for a floor itself)
 * @param masters  how many Redis masters the operation uses (1 for everything but Redlock and NextId)
 * @param setup    prepares the operation's data on the given servers and returns it
 */
public record OperationSpec(String name, String floor, int masters, Function<BenchContext, Operation> setup) {

    /** Whether this is a raw-Jedis floor rather than a Pottery operation. */
    public boolean isFloor() {
        return floor == null;
    }
}
