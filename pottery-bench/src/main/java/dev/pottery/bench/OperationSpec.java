package dev.pottery.bench;

import java.util.function.Function;

/**
 * A named operation and how to prepare it.
 *
 * @param name           the row's name, e.g. {@code RedisMap.get}
 * @param floor          the name of the raw-Jedis operation doing the same work (null for a floor itself)
 * @param masters        how many Redis masters the operation uses (1 for everything but Redlock and NextId)
 * @param pausedMasters  how many of those masters are paused (SIGSTOP) while the operation is measured:
 *                       the last ones; 0 for all but the fault rows
 * @param setup          prepares the operation's data on the given servers and returns it
 */
public record OperationSpec(String name, String floor, int masters, int pausedMasters,
        Function<BenchContext, Operation> setup) {

    /** An operation measured with every master running. */
    public OperationSpec(String name, String floor, int masters, Function<BenchContext, Operation> setup) {
        this(name, floor, masters, 0, setup);
    }

    /** Whether this is a raw-Jedis floor rather than a Pottery operation. */
    public boolean isFloor() {
        return floor == null;
    }
}
