package dev.pottery.bench;

import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServerGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;
import redis.clients.jedis.HostAndPort;

/**
 * Starts five local Redis servers through the test support, runs every operation and its floor with
 * JMH at 1 and 8 threads, counts commands per operation, and writes {@code BENCHMARKS.md}.
 *
 * <p>Arguments: {@code -out DIR} (where BENCHMARKS.md goes; default the working directory),
 * {@code -quick} (a smoke run in well under a minute, written to {@code target/} instead),
 * {@code -only REGEX} (operations whose name matches; written to {@code target/} so that a partial run
 * never replaces the full table).
 */
public final class BenchmarkMain {

    private static final int MASTERS = 5;

    private BenchmarkMain() {
    }

    /** Runs the suite. */
    public static void main(String[] args) throws IOException, RunnerException {
        Path outDir = Path.of(".");
        boolean quick = false;
        Pattern only = Pattern.compile(".*");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-quick" -> quick = true;
                case "-out" -> outDir = Path.of(args[++i]);
                case "-only" -> only = Pattern.compile(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use -out DIR, -quick, -only REGEX");
            }
        }
        List<OperationSpec> specs = new ArrayList<>();
        for (OperationSpec spec : Operations.all()) {
            if (only.matcher(spec.name()).find()) {
                specs.add(spec);
            }
        }
        try (RedisServerGroup servers = RedisServerGroup.start(MASTERS)) {
            String addresses = String.join(",", servers.servers().stream()
                    .map(s -> s.host() + ":" + s.port()).toList());
            System.setProperty(BenchContext.SERVERS_PROPERTY, addresses);
            String redisVersion = redisVersion(servers);
            List<BenchRow> rows = run(specs, quick, addresses, servers);
            String settings = quick
                    ? "quick smoke run (1 thread, 0.2 s per operation, no fork): figures are not meaningful"
                    : "JMH 1.37; each operation and its floor alternate (floor, operation, operation, floor), each "
                      + "run in its own fork with a 1 s warm-up and two 1 s measured iterations; the ratio is the "
                      + "operation's summed throughput over the floor's; latency from one more sample-time run of "
                      + "the operation; a floor row shows the median of its runs; 10,000-key working set, ~100-byte values";
            String report = MarkdownReport.render(rows, redisVersion, settings);
            // Only a full run may replace BENCHMARKS.md; smoke and partial runs go to target/.
            boolean partial = !only.pattern().equals(".*");
            Path target = quick ? Path.of("target", "BENCHMARKS-quick.md")
                    : partial ? Path.of("target", "BENCHMARKS-partial.md") : outDir.resolve("BENCHMARKS.md");
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.writeString(target, report, StandardCharsets.UTF_8);
            System.out.println(report);
            System.out.println("Written to " + target.toAbsolutePath().normalize());
        }
    }

    private static List<BenchRow> run(List<OperationSpec> specs, boolean quick, String addresses,
            RedisServerGroup servers) throws RunnerException {
        Map<String, String> commands = new LinkedHashMap<>();
        List<HostAndPort> hosts = java.util.Arrays.stream(addresses.split(",")).map(HostAndPort::from).toList();
        try (BenchContext context = BenchContext.fromSystemProperty()) {
            for (OperationSpec spec : specs) {
                commands.put(spec.name(), CommandCounter.perOperation(spec, context, hosts));
            }
        }
        int[] threadCounts = quick ? new int[] {1} : new int[] {1, 8};
        Map<String, List<Double>> floorSamples = new LinkedHashMap<>();
        Map<String, BenchRow> rows = new LinkedHashMap<>();
        for (OperationSpec spec : specs) {
            if (spec.isFloor()) {
                continue;
            }
            OperationSpec floor = Operations.named(spec.floor());
            for (int threads : threadCounts) {
                // Floor and operation alternate, A B B A, each in its own fork, and the ratio is that of their
                // sums: on a noisy machine (two shared cores) this cancels drift that separate runs suffer.
                double floorOps = 0;
                double ops = 0;
                int rounds = quick ? 1 : 2;
                for (int round = 0; round < rounds; round++) {
                    boolean floorFirst = round % 2 == 0;
                    OperationSpec first = floorFirst ? floor : spec;
                    OperationSpec second = floorFirst ? spec : floor;
                    double a = pausing(first, servers, () -> throughput(first, threads, quick, addresses));
                    double b = pausing(second, servers, () -> throughput(second, threads, quick, addresses));
                    floorOps += floorFirst ? a : b;
                    ops += floorFirst ? b : a;
                    floorSamples.computeIfAbsent(floor.name() + "@" + threads, k -> new ArrayList<>())
                            .add(floorFirst ? a : b);
                }
                double[] latency = quick ? new double[] {Double.NaN, Double.NaN}
                        : pausing(spec, servers, () -> latency(spec, threads, addresses));
                rows.put(spec.name() + "@" + threads, new BenchRow(spec, threads, ops / rounds, latency[0], latency[1],
                        commands.get(spec.name()), ops / floorOps));
            }
        }
        List<BenchRow> ordered = new ArrayList<>();
        for (OperationSpec spec : specs) {
            for (int threads : threadCounts) {
                List<Double> samples = floorSamples.get(spec.name() + "@" + threads);
                if (spec.isFloor() && samples != null) {
                    ordered.add(new BenchRow(spec, threads, median(samples), Double.NaN, Double.NaN,
                            commands.get(spec.name()), Double.NaN));
                } else if (!spec.isFloor()) {
                    ordered.add(rows.get(spec.name() + "@" + threads));
                }
            }
        }
        return ordered;
    }

    private static double median(List<Double> samples) {
        List<Double> sorted = new ArrayList<>(samples);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * Runs a measurement with the spec's paused masters (the last ones it uses) stopped by SIGSTOP for the
     * whole JMH run, warm-up included; commands were counted before, with every master running. Floors use
     * the first server only and run with every master up.
     */
    private static <T> T pausing(OperationSpec spec, RedisServerGroup servers, Measurement<T> measurement)
            throws RunnerException {
        List<RedisServer> paused = servers.servers().subList(spec.masters() - spec.pausedMasters(), spec.masters());
        paused.forEach(RedisServer::pause);
        try {
            return measurement.run();
        } finally {
            paused.forEach(RedisServer::resume);
        }
    }

    private interface Measurement<T> {
        T run() throws RunnerException;
    }

    /** Throughput of one operation: its own fork, one warm-up and two measured iterations of a second. */
    private static double throughput(OperationSpec spec, int threads, boolean quick, String addresses)
            throws RunnerException {
        ChainedOptionsBuilder options = options(spec, threads, addresses).mode(Mode.Throughput);
        if (quick) {
            options.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(200));
        } else {
            options.warmupIterations(1).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(2).measurementTime(TimeValue.seconds(1));
        }
        return new Runner(options.build()).run().iterator().next().getPrimaryResult().getScore();
    }

    /** p50 and p99 latency of one operation in µs (sample-time mode, one iteration of a second). */
    private static double[] latency(OperationSpec spec, int threads, String addresses) throws RunnerException {
        ChainedOptionsBuilder options = options(spec, threads, addresses).mode(Mode.SampleTime)
                .warmupIterations(1).warmupTime(TimeValue.seconds(1))
                .measurementIterations(1).measurementTime(TimeValue.seconds(1));
        Result<?> primary = new Runner(options.build()).run().iterator().next().getPrimaryResult();
        // Sample-time scores are in seconds per operation (the time unit chosen in options()).
        return new double[] {primary.getStatistics().getPercentile(50) * 1e6,
                primary.getStatistics().getPercentile(99) * 1e6};
    }

    private static ChainedOptionsBuilder options(OperationSpec spec, int threads, String addresses) {
        return new OptionsBuilder()
                .include(Pattern.quote(RedisBenchmark.class.getName()) + ".run$")
                .param("operation", spec.name())
                .threads(threads)
                .timeUnit(TimeUnit.SECONDS)
                .shouldFailOnError(true)
                .forks(1).jvmArgsAppend("-D" + BenchContext.SERVERS_PROPERTY + "=" + addresses, "-Xmx1g");
    }

    private static String redisVersion(RedisServerGroup servers) {
        for (String line : servers.client().info("server").split("\r?\n")) {
            if (line.startsWith("redis_version:")) {
                return line.substring("redis_version:".length()).trim();
            }
        }
        return "unknown";
    }
}
