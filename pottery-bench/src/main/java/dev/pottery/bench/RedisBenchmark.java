package dev.pottery.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The one JMH benchmark: runs the operation named by {@link #operation} (a parameter set by
 * {@link BenchmarkMain}), so that every Pottery operation and its floor share the same harness.
 */
@State(Scope.Benchmark)
public class RedisBenchmark {

    /** The operation's name, from {@link Operations}. */
    @Param("Jedis GET")
    public String operation;

    private BenchContext context;
    private Operation op;

    /** Connects to the servers and prepares the operation's data. */
    @Setup
    public void setUp() {
        context = BenchContext.fromSystemProperty();
        op = Operations.named(operation).setup().apply(context);
    }

    /** One operation. */
    @Benchmark
    public Object run() {
        return op.invoke();
    }

    /** Closes the clients. */
    @TearDown
    public void tearDown() {
        context.close();
    }
}
