package dev.pottery.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every benchmarked operation by name: the Pottery operations and their raw-Jedis floors. */
public final class Operations {

    private static final Map<String, OperationSpec> ALL = new LinkedHashMap<>();

    static {
        List<OperationSpec> specs = new ArrayList<>();
        specs.addAll(FloorOperations.list());
        specs.addAll(JCacheFloors.list());
        specs.addAll(PotteryOperations.list());
        for (OperationSpec spec : specs) {
            if (ALL.put(spec.name(), spec) != null) {
                throw new IllegalStateException("two operations are named " + spec.name());
            }
        }
        for (OperationSpec spec : specs) {
            if (!spec.isFloor() && !ALL.containsKey(spec.floor())) {
                throw new IllegalStateException(spec.name() + " names an unknown floor " + spec.floor());
            }
        }
    }

    private Operations() {
    }

    /** All operations, Pottery ones after their floors. */
    public static List<OperationSpec> all() {
        return List.copyOf(ALL.values());
    }

    /** The operation of the given name. */
    public static OperationSpec named(String name) {
        OperationSpec spec = ALL.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("no benchmark operation named '" + name + "'; known: " + ALL.keySet());
        }
        return spec;
    }
}
