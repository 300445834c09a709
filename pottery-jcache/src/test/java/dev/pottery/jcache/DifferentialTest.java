package dev.pottery.jcache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import javax.cache.processor.EntryProcessorResult;
import javax.cache.processor.MutableEntry;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The oracle stronger than the TCK: seeded random sequences of JCache operations — every single-key,
 * conditional and batch method, {@code invoke}/{@code invokeAll}, iteration with {@code remove()},
 * {@code loadAll} — run in lockstep on a Pottery cache and on the JSR-107 reference implementation, with a
 * loader, a writer that refuses one key, and a synchronous listener with old values on each. After every
 * operation the return value (or the exception's type), the loader and writer calls, the events and the
 * statistics must be the same.
 *
 * <p>Where the RI departs from the spec, or Pottery does more on purpose, the RI's output is normalized
 * ({@link Side#normalized}):
 * <ul>
 *   <li>the RI raises a REMOVED event and counts a removal when an entry processor removes an entry that
 *       does not exist (with a null value) or has expired (with its value, where Pottery reports it
 *       EXPIRED);</li>
 *   <li>its removeAll() deletes expired entries from the writer too; its iterator's remove() reports an
 *       entry REMOVED that the iteration's zero access duration has just expired (Pottery's remove() is the
 *       cache's remove(key), which meets it expired);</li>
 *   <li>its loadAll and removeAll() call the loader or writer with no keys when there is nothing to do;</li>
 *   <li>its putAll and removeAll drop the writer's CacheWriterException (they rethrow only other
 *       exceptions, wrapped), and its removeAll counts every key asked as a removal, not the entries
 *       removed;</li>
 *   <li>it loads the misses of a read-through getAll one {@code load} at a time, where Pottery makes one
 *       {@code loadAll} call;</li>
 *   <li>it reports an entry that expired only when some operations meet it (get, put, ...), and never
 *       during iteration, where Pottery reports it at the first operation that meets it: EXPIRED events are
 *       therefore compared over the whole sequence (after a final read of every key), not per operation,
 *       and the RI's repeated reports of one expiration (it reports some expired entries each time it meets
 *       them, without removing them) count once;</li>
 *   <li>iteration orders differ, so the writer calls of an iteration with {@code remove()} are compared as a
 *       set.</li>
 * </ul>
 *
 * <p>A failure names the seed and the sequence so far; {@code -Dpottery.differential.seed=N} reruns one seed,
 * {@code -Dpottery.differential.sequences=N} (and {@code .base=M}, the seed of the seeds) runs more.
 */
@RedisServers
class DifferentialTest {

    private static final int SEQUENCES = 18;
    private static final int OPERATIONS = 150;
    private static final int KEYS = 10;

    private static CacheManager ri;
    private static Managers managers;
    private static CacheManager pottery;

    @BeforeAll
    static void open(RedisServer server) {
        // Caching keeps its providers per class loader: the RI gets a loader of its own, so that in this JVM
        // Caching.getCachingProvider() without arguments still finds Pottery's alone.
        ClassLoader riLoader = new ClassLoader(DifferentialTest.class.getClassLoader()) { };
        ri = Caching.getCachingProvider("org.jsr107.ri.spi.RICachingProvider", riLoader).getCacheManager();
        managers = new Managers(server);
        pottery = managers.open("differential", dev.pottery.jcache.configuration.ManagerSettings.SWEEP_INTERVAL,
                "0");   // expired entries are met by operations only, as in the RI
    }

    @AfterAll
    static void close() {
        managers.close();
        ri.close();
    }

    /** The cache set-ups each seed runs on. */
    enum Variant {
        /** No loader, no writer. */
        PLAIN,
        /** Read-through and write-through. */
        THROUGH,
        /** Write-through and an expiry policy whose durations are zero or eternal (deterministic). */
        EXPIRING
    }

    @TestFactory
    Stream<DynamicTest> randomSequencesAgreeWithTheReferenceImplementation() {
        String only = System.getProperty("pottery.differential.seed");
        List<Long> seeds = new ArrayList<>();
        if (only != null) {
            seeds.add(Long.parseLong(only));
        } else {
            Random seeder = new Random(Long.getLong("pottery.differential.base", 20261130L));
            for (int i = 0; i < Integer.getInteger("pottery.differential.sequences", SEQUENCES); i++) {
                seeds.add(seeder.nextLong());
            }
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            long seed = seeds.get(i);
            Variant variant = Variant.values()[i % Variant.values().length];
            tests.add(DynamicTest.dynamicTest(variant + " seed " + seed, () -> run(seed, variant)));
        }
        return tests.stream();
    }

    private static void run(long seed, Variant variant) throws Exception {
        String name = "diff-" + variant.name().toLowerCase() + "-" + Long.toHexString(seed);
        Side reference = new Side(ri, "ri-" + name, variant, true);
        Side subject = new Side(pottery, name, variant, false);
        Random random = new Random(seed);
        List<String> history = new ArrayList<>();
        try {
            for (int i = 0; i < OPERATIONS; i++) {
                Step step = randomStep(random);
                history.add(step.name());
                String expected = reference.apply(step);
                String actual = subject.apply(step);
                assertThat(actual).as("seed %d (%s), operation %d of %s", seed, variant, i, history)
                        .isEqualTo(expected);
            }
            for (int i = 0; i < KEYS; i++) {
                String k = "k" + i;
                Step read = new Step("final get " + k, c -> c.get(k), false);
                assertThat(subject.apply(read)).as("seed %d (%s), final reads", seed, variant)
                        .isEqualTo(reference.apply(read));
            }
            assertThat(subject.expirations()).as("seed %d (%s): the EXPIRED events of %s, in order: pottery %s, RI %s",
                    seed, variant, history, subject.expirations, reference.expirations)
                    .isEqualTo(reference.expirations());
        } finally {
            ri.destroyCache("ri-" + name);
            pottery.destroyCache(name);
        }
    }

    /** One operation, applied the same way to either cache; its text says everything observable. */
    private record Step(String name, Function<Cache<String, Object>, Object> action, boolean batch) {
    }

    private static Step randomStep(Random random) {
        String k = key(random);
        Object v = value(random);
        Object w = value(random);
        Set<String> keys = keys(random);
        int kind = random.nextInt(24);
        return switch (kind) {
            case 0, 1 -> new Step("get " + k, c -> c.get(k), false);
            case 2 -> new Step("containsKey " + k, c -> c.containsKey(k), false);
            case 3 -> new Step("getAll " + keys, c -> new TreeMap<>(c.getAll(keys)), true);
            case 4, 5 -> new Step("put " + k + "=" + v, c -> { c.put(k, v); return null; }, false);
            case 6 -> new Step("getAndPut " + k + "=" + v, c -> c.getAndPut(k, v), false);
            case 7 -> {
                Map<String, Object> map = new java.util.LinkedHashMap<>();   // the RI asks containsKey(null)
                keys.forEach(key -> map.put(key, value(random)));
                yield new Step("putAll " + map, c -> { c.putAll(map); return null; }, true);
            }
            case 8 -> new Step("putIfAbsent " + k + "=" + v, c -> c.putIfAbsent(k, v), false);
            case 9 -> new Step("remove " + k, c -> c.remove(k), false);
            case 10 -> new Step("remove " + k + " if " + v, c -> c.remove(k, v), false);
            case 11 -> new Step("remove " + k + " if current", c -> {
                Object current = c.get(k);
                return current == null ? "absent" : c.remove(k, copy(current));
            }, false);
            case 12 -> new Step("getAndRemove " + k, c -> c.getAndRemove(k), false);
            case 13 -> new Step("replace " + k + "=" + v, c -> c.replace(k, v), false);
            case 14 -> new Step("replace " + k + " " + v + "->" + w, c -> c.replace(k, v, w), false);
            case 15 -> new Step("replace " + k + " current->" + w, c -> {
                Object current = c.get(k);
                return current == null ? "absent" : c.replace(k, copy(current), w);
            }, false);
            case 16 -> new Step("getAndReplace " + k + "=" + v, c -> c.getAndReplace(k, v), false);
            case 17 -> new Step("removeAll " + keys, c -> { c.removeAll(keys); return null; }, true);
            case 18 -> new Step("removeAll", c -> { c.removeAll(); return null; }, true);
            case 19, 20 -> {
                Processor processor = Processor.values()[random.nextInt(Processor.values().length)];
                int element = random.nextInt(4);
                yield new Step("invoke " + k + " " + processor + " " + element,
                        c -> c.invoke(k, processor, element), false);
            }
            case 21 -> {
                Processor processor = Processor.values()[random.nextInt(Processor.values().length)];
                yield new Step("invokeAll " + keys + " " + processor,
                        c -> results(c.invokeAll(keys, processor, 1)), true);
            }
            case 22 -> new Step("iterate, removing " + keys, c -> iterate(c, keys), true);
            default -> {
                boolean replace = random.nextBoolean();
                yield new Step("loadAll " + keys + (replace ? " replacing" : ""), c -> loadAll(c, keys, replace), true);
            }
        };
    }

    /** What each side of the comparison has: a cache, its journal, its statistics bean. */
    private static final class Side {
        private final Cache<String, Object> cache;
        private final Journal journal = new Journal();
        private final ObjectName statistics;
        private final boolean reference;
        private final Variant variant;
        private final List<String> expirations = new ArrayList<>();
        private final Map<String, String> lastExpired = new java.util.HashMap<>();
        private long phantomRemovals;

        Side(CacheManager manager, String name, Variant variant, boolean reference) throws Exception {
            this.reference = reference;
            this.variant = variant;
            MutableConfiguration<String, Object> configuration = new MutableConfiguration<String, Object>()
                    .setTypes(String.class, Object.class)
                    .setStatisticsEnabled(true)
                    .addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<>(
                            FactoryBuilder.factoryOf(journal), null, true, true));
            if (variant != Variant.PLAIN) {
                configuration.setCacheWriterFactory(FactoryBuilder.factoryOf(journal)).setWriteThrough(true);
                configuration.setCacheLoaderFactory(FactoryBuilder.factoryOf(journal))
                        .setReadThrough(variant == Variant.THROUGH);
            }
            if (variant == Variant.EXPIRING) {
                configuration.setExpiryPolicyFactory(FactoryBuilder.factoryOf(new ZeroOnAccessPolicy()));
            }
            this.cache = manager.createCache(name, configuration);
            this.statistics = statisticsBean(name);
        }

        private long removalsBefore;

        String apply(Step step) throws Exception {
            removalsBefore = (Long) ManagementFactory.getPlatformMBeanServer().getAttribute(statistics,
                    "CacheRemovals") - phantomRemovals;
            String outcome;
            try {
                outcome = "returned " + text(step.action().apply(cache));
            } catch (RuntimeException e) {
                if (System.getProperty("pottery.differential.trace") != null) {
                    e.printStackTrace();
                }
                outcome = "threw " + e.getClass().getSimpleName();
            }
            List<String> events = journal.drainEvents();
            List<String> calls = journal.drainCalls();
            boolean refused = journal.drainRefused();
            if (reference) {
                outcome = normalized(step, outcome, refused, calls, events);
            }
            for (java.util.Iterator<String> it = events.iterator(); it.hasNext(); ) {
                String event = it.next();
                String key = event.substring(event.indexOf(' ') + 1, event.indexOf('='));
                if (!event.startsWith("EXPIRED ")) {
                    lastExpired.remove(key);
                    continue;
                }
                it.remove();
                if (!(reference && event.equals(lastExpired.get(key)))) {
                    expirations.add(event);
                }
                lastExpired.put(key, event);
            }
            if (step.batch()) {
                Collections.sort(events);
            }
            if (step.name().startsWith("iterate")) {
                Collections.sort(calls);
            }
            return step.name() + ": " + outcome + "\n  calls " + calls + "\n  events " + events + "\n  statistics "
                    + statistics();
        }

        /** The RI's known departures (see the class comment), rewritten into what the spec asks. */
        private String normalized(Step step, String outcome, boolean refused, List<String> calls,
                                  List<String> events) throws Exception {
            if (step.name().startsWith("invoke") && step.name().contains(" REMOVE")) {
                // A removal of an absent or expired entry is not a removal.
                for (int i = events.size() - 1; i >= 0; i--) {
                    String event = events.get(i);
                    String key = event.substring("REMOVED ".length(), event.indexOf('='));
                    if (event.startsWith("REMOVED ") && outcome.matches(".*\\b" + key + "=false.*|returned false")) {
                        phantomRemovals++;
                        events.remove(i);
                        if (!event.endsWith("=null (was null)")) {
                            events.add(i, "EXPIRED " + event.substring("REMOVED ".length()));
                        }
                    }
                }
            }
            if (variant == Variant.EXPIRING && step.name().startsWith("iterate")) {
                // Read by the iteration, so expired at once: the RI's remove() still reports it REMOVED.
                long removed = events.stream().filter(e -> e.startsWith("REMOVED ")).count();
                events.replaceAll(e -> e.startsWith("REMOVED ") ? "EXPIRED " + e.substring("REMOVED ".length()) : e);
                phantomRemovals += removed;
            }
            if (step.name().equals("removeAll")) {
                Set<String> expired = new TreeSet<>();
                events.stream().filter(e -> e.startsWith("EXPIRED ")).forEach(e -> expired.add(
                        e.substring("EXPIRED ".length(), e.indexOf('='))));
                calls.replaceAll(call -> call.startsWith("deleteAll [") ? "deleteAll " + without(call, expired) : call);
            }
            calls.remove("loadAll []");
            calls.remove("deleteAll []");
            if (step.name().startsWith("removeAll")) {
                long counted = (Long) ManagementFactory.getPlatformMBeanServer().getAttribute(statistics,
                        "CacheRemovals") - phantomRemovals - removalsBefore;
                phantomRemovals += counted - events.stream().filter(e -> e.startsWith("REMOVED ")).count();
            }
            if (refused && outcome.equals("returned null")
                    && (step.name().startsWith("putAll") || step.name().startsWith("removeAll"))) {
                outcome = "threw CacheWriterException";
            }
            if (step.name().startsWith("getAll ")) {
                TreeSet<String> loaded = new TreeSet<>();
                calls.removeIf(call -> call.startsWith("load ") && loaded.add(call.substring("load ".length())));
                if (!loaded.isEmpty()) {
                    calls.add(0, "loadAll " + loaded);
                }
            }
            return outcome;
        }

        private static TreeSet<String> without(String deleteAllCall, Set<String> expired) {
            String list = deleteAllCall.substring("deleteAll [".length(), deleteAllCall.length() - 1);
            TreeSet<String> keys = new TreeSet<>();
            for (String key : list.split(", ")) {
                if (!key.isEmpty() && !expired.contains(key)) {
                    keys.add(key);
                }
            }
            return keys;
        }

        /** The EXPIRED events of the whole sequence, in the order of their keys. */
        List<String> expirations() {
            List<String> sorted = new ArrayList<>(expirations);
            Collections.sort(sorted);
            return sorted;
        }

        private String statistics() throws Exception {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            return "hits=" + server.getAttribute(statistics, "CacheHits")
                    + " misses=" + server.getAttribute(statistics, "CacheMisses")
                    + " puts=" + server.getAttribute(statistics, "CachePuts")
                    + " removals=" + ((Long) server.getAttribute(statistics, "CacheRemovals") - phantomRemovals);
        }

        private ObjectName statisticsBean(String name) throws Exception {
            Set<ObjectName> found = ManagementFactory.getPlatformMBeanServer().queryNames(
                    new ObjectName("javax.cache:type=CacheStatistics,*"), null);
            for (ObjectName candidate : found) {
                if (candidate.getKeyProperty("Cache").replace("\"", "").equals(name)) {
                    return candidate;
                }
            }
            throw new AssertionError("no statistics bean for " + name + " in " + found);
        }
    }

    /** Entry processors of every kind: add to the set, remove, read, nothing, set-if-absent (a load). */
    enum Processor implements EntryProcessor<String, Object, Object>, Serializable {
        ADD {
            @Override
            public Object process(MutableEntry<String, Object> entry, Object... arguments) {
                Set<Integer> set = entry.exists() ? copy(entry.getValue()) : new TreeSet<>();
                set.add((Integer) arguments[0]);
                entry.setValue(set);
                return set.size();
            }
        },
        REMOVE {
            @Override
            public Object process(MutableEntry<String, Object> entry, Object... arguments) {
                boolean existed = entry.exists();
                entry.remove();
                return existed;
            }
        },
        READ {
            @Override
            public Object process(MutableEntry<String, Object> entry, Object... arguments) {
                return entry.getValue();
            }
        },
        NOTHING {
            @Override
            public Object process(MutableEntry<String, Object> entry, Object... arguments) {
                return entry.exists();
            }
        },
        LOAD_IF_ABSENT {
            @Override
            public Object process(MutableEntry<String, Object> entry, Object... arguments) {
                if (entry.exists()) {
                    return entry.getValue();
                }
                Set<Integer> loaded = new TreeSet<>(List.of(-(Integer) arguments[0]));
                entry.setValue(loaded);
                return loaded;
            }
        },
        FAIL {
            @Override
            public Object process(MutableEntry<String, Object> entry, Object... arguments) {
                entry.setValue(new TreeSet<>(List.of(99)));
                throw new IllegalStateException("processor failure");
            }
        }
    }

    /** Zero on access (an entry read once expires), eternal on creation, zero on update (expires at once). */
    public static final class ZeroOnAccessPolicy implements ExpiryPolicy, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public Duration getExpiryForCreation() {
            return Duration.ETERNAL;
        }

        @Override
        public Duration getExpiryForAccess() {
            return Duration.ZERO;
        }

        @Override
        public Duration getExpiryForUpdate() {
            return null;
        }
    }

    private static Object results(Map<String, EntryProcessorResult<Object>> results) {
        TreeMap<String, String> texts = new TreeMap<>();
        results.forEach((key, result) -> {
            try {
                texts.put(key, text(result.get()));
            } catch (RuntimeException e) {
                texts.put(key, "threw " + e.getClass().getSimpleName());
            }
        });
        return texts;
    }

    private static Object iterate(Cache<String, Object> cache, Set<String> removing) {
        TreeMap<String, String> seen = new TreeMap<>();
        for (Iterator<Cache.Entry<String, Object>> it = cache.iterator(); it.hasNext(); ) {
            Cache.Entry<String, Object> entry = it.next();
            seen.put(entry.getKey(), text(entry.getValue()));
            if (removing.contains(entry.getKey())) {
                it.remove();
            }
        }
        return seen;
    }

    private static Object loadAll(Cache<String, Object> cache, Set<String> keys, boolean replace) {
        CountDownLatch done = new CountDownLatch(1);
        String[] failure = {null};
        cache.loadAll(keys, replace, new CompletionListener() {
            @Override
            public void onCompletion() {
                done.countDown();
            }

            @Override
            public void onException(Exception e) {
                failure[0] = e.getClass().getSimpleName();
                done.countDown();
            }
        });
        try {
            assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return failure[0] == null ? "loaded" : "failed " + failure[0];
    }

    private static String key(Random random) {
        return "k" + random.nextInt(KEYS);
    }

    private static Set<String> keys(Random random) {
        Set<String> keys = new LinkedHashSet<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            keys.add(key(random));
        }
        return keys;
    }

    /**
     * A small sorted set of integers. Its Java serialization is canonical: the RI compares the serialized
     * bytes in replace(k, old, new) and remove(k, old), where Pottery compares values (see
     * ValueEqualityTest), so the oracle is asked only where the two rules agree.
     */
    private static Object value(Random random) {
        Set<Integer> set = new TreeSet<>();
        int n = 1 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            set.add(random.nextInt(4));
        }
        return set;
    }

    /** An equal set, a new instance. */
    @SuppressWarnings("unchecked")
    static Set<Integer> copy(Object value) {
        return new TreeSet<>((Set<Integer>) value);
    }

    private static String text(Object value) {
        if (value instanceof Set<?> set) {
            return new TreeSet<>(set).toString();
        }
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, String> texts = new TreeMap<>();
            map.forEach((k, v) -> texts.put(String.valueOf(k), text(v)));
            return texts.toString();
        }
        return String.valueOf(value);
    }
}
