package dev.pottery.bench;

import java.util.ArrayList;
import java.util.List;

/** The Pottery operations, each paired with the floor doing the same work. */
final class PotteryOperations {

    private PotteryOperations() {
    }

    static List<OperationSpec> list() {
        List<OperationSpec> specs = new ArrayList<>();
        specs.addAll(CollectionOperations.list());
        specs.addAll(ProbabilisticOperations.list());
        specs.addAll(CoordinationOperations.list());
        specs.addAll(JCacheOperations.list());
        return specs;
    }
}
