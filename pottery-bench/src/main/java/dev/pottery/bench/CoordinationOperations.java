package dev.pottery.bench;

import dev.pottery.id.NextId;
import dev.pottery.lock.Redlock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Redlock and NextId on 1 and 5 masters. Their floors run on one server: the gap between the 1- and
 * 5-master rows is the cost of the extra masters, which are asked in parallel.
 */
final class CoordinationOperations {

    private CoordinationOperations() {
    }

    static List<OperationSpec> list() {
        return List.of(
                lockUnlock(1),
                lockUnlock(5),
                nextId(1),
                nextId(5));
    }

    private static OperationSpec lockUnlock(int masters) {
        return new OperationSpec("Redlock lock+unlock, " + masters + (masters == 1 ? " master" : " masters"),
                FloorOperations.LOCK_UNLOCK, masters, c -> {
                    // One lock per key of the working set, so that threads rarely meet on the same lock.
                    Redlock[] locks = new Redlock[Workload.KEYS];
                    for (int i = 0; i < locks.length; i++) {
                        locks[i] = new Redlock("bench:" + Workload.key(i), c.masters(masters));
                    }
                    return () -> {
                        Redlock lock = locks[ThreadLocalRandom.current().nextInt(locks.length)];
                        lock.lock();
                        lock.unlock();
                        return lock;
                    };
                });
    }

    private static OperationSpec nextId(int masters) {
        return new OperationSpec("NextId.next, " + masters + (masters == 1 ? " master" : " masters"),
                FloorOperations.INCR, masters, c -> {
                    NextId ids = new NextId("bench-" + masters, c.masters(masters));
                    ids.reset();
                    return ids::next;
                });
    }
}
