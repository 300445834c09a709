package dev.pottery.bench;

import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServerGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
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
                    : "JMH 1.37, 1 fork, 1 warm-up iteration of 1 s, 1 measurement iteration of 1.5 s per mode; "
                      + "throughput and sample-time modes; 10,000-key working set, ~100-byte values";
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
        List<BenchRow> rows = new ArrayList<>();
        int[] threadCounts = quick ? new int[] {1} : new int[] {1, 8};
        for (OperationSpec spec : specs) {
            for (int threads : threadCounts) {
                rows.add(measurePausing(spec, threads, quick, addresses, commands.get(spec.name()), servers));
            }
        }
        return rows;
    }

    /**
     * Measures with the spec's paused masters (the last ones it uses) stopped by SIGSTOP for the whole
     * JMH run, warm-up included; commands were counted before, with every master running.
     */
    private static BenchRow measurePausing(OperationSpec spec, int threads, boolean quick, String addresses,
            String commands, RedisServerGroup servers) throws RunnerException {
        List<RedisServer> paused = servers.servers().subList(spec.masters() - spec.pausedMasters(), spec.masters());
        paused.forEach(RedisServer::pause);
        try {
            return measure(spec, threads, quick, addresses, commands);
        } finally {
            paused.forEach(RedisServer::resume);
        }
    }

    private static BenchRow measure(OperationSpec spec, int threads, boolean quick, String addresses, String commands)
            throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(Pattern.quote(RedisBenchmark.class.getName()) + ".run$")
                .param("operation", spec.name())
                .threads(threads)
                .timeUnit(TimeUnit.SECONDS)
                .shouldFailOnError(true);
        if (quick) {
            options.forks(0).warmupIterations(0).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(200)).mode(Mode.Throughput);
        } else {
            options.forks(1).jvmArgsAppend("-D" + BenchContext.SERVERS_PROPERTY + "=" + addresses, "-Xmx1g")
                    .warmupIterations(1).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(1).measurementTime(TimeValue.milliseconds(1500))
                    .mode(Mode.Throughput).mode(Mode.SampleTime);
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        double opsPerSec = Double.NaN;
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        for (RunResult result : results) {
            Mode mode = result.getParams().getMode();
            Result<?> primary = result.getPrimaryResult();
            if (mode == Mode.Throughput) {
                opsPerSec = primary.getScore();
            } else if (mode == Mode.SampleTime) {
                // Sample-time scores are in seconds per operation (the time unit chosen above).
                p50 = primary.getStatistics().getPercentile(50) * 1e6;
                p99 = primary.getStatistics().getPercentile(99) * 1e6;
            }
        }
        return new BenchRow(spec, threads, opsPerSec, p50, p99, commands);
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
