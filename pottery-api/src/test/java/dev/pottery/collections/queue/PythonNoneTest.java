package dev.pottery.collections.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pottery.NullElementException;
import dev.pottery.testing.RedisDeployment;
import dev.pottery.testing.RedisServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;

/**
 * A Python {@code None} in a deque or a queue ({@code RedisDeque(['a', None, 'b'])}, a queue that got
 * {@code put(None)}) is data: the methods whose null answer means "empty" refuse it with
 * {@link NullElementException} and leave it in place, the others return it as {@code null}. Nothing is
 * ever lost or hidden.
 */
@RedisServers
class PythonNoneTest {

    /** What Python pottery stores for {@code RedisDeque(['a', None, 'b'])}. */
    private static RedisDeque<Object> pythonDeque(UnifiedJedis redis, String key) {
        redis.rpush(key, "\"a\"", "null", "\"b\"");
        return new RedisDeque<>(redis, key);
    }

    /** What Python pottery's queue stores for {@code put('a'); put(None); put('b')}. */
    private static RedisQueue<Object> pythonQueue(UnifiedJedis redis, String key) {
        for (String item : List.of("\"a\"", "null", "\"b\"")) {
            redis.xadd(key, StreamEntryID.NEW_ENTRY, Map.of("item", item));
        }
        return new RedisQueue<>(redis, key);
    }

    // ---------------------------------------------------------------- deque

    @Test
    void aPollLoopOverADequeStopsAtNoneWithAnExceptionNamingTheKeyAndLosesNothing(UnifiedJedis redis) {
        RedisDeque<Object> deque = pythonDeque(redis, "py-deque");
        List<Object> seen = new ArrayList<>();
        assertThatThrownBy(() -> {
            Object x;
            while ((x = deque.pollFirst()) != null) {
                seen.add(x);
            }
        }).isInstanceOf(NullElementException.class).hasMessageContaining("pollFirst").hasMessageContaining("'py-deque'");
        assertThat(seen).containsExactly("a");
        assertThat(redis.lrange("py-deque", 0, -1)).containsExactly("null", "\"b\"");
        assertThat(deque.removeFirst()).isNull();
        assertThat(deque.pollFirst()).isEqualTo("b");
        assertThat(deque.pollFirst()).isNull();
    }

    @Test
    void everyNullMeansEmptyMethodOfTheDequeRefusesNoneInPlace(UnifiedJedis redis) throws InterruptedException {
        redis.rpush("d", "null", "\"x\"", "null");
        RedisDeque<Object> deque = new RedisDeque<>(redis, "d");
        assertThatThrownBy(deque::pollFirst).isInstanceOf(NullElementException.class);
        assertThatThrownBy(deque::pollLast).isInstanceOf(NullElementException.class);
        assertThatThrownBy(deque::poll).isInstanceOf(NullElementException.class);
        assertThatThrownBy(deque::peekFirst).isInstanceOf(NullElementException.class);
        assertThatThrownBy(deque::peekLast).isInstanceOf(NullElementException.class);
        assertThatThrownBy(deque::peek).isInstanceOf(NullElementException.class);
        long start = System.nanoTime();
        assertThatThrownBy(() -> deque.pollFirst(30, TimeUnit.SECONDS)).isInstanceOf(NullElementException.class);
        assertThatThrownBy(() -> deque.pollLast(30, TimeUnit.SECONDS)).isInstanceOf(NullElementException.class);
        assertThatThrownBy(() -> deque.poll(30, TimeUnit.SECONDS)).isInstanceOf(NullElementException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused at once, not after the timeout")
                .isLessThan(Duration.ofSeconds(20));
        assertThat(redis.lrange("d", 0, -1)).containsExactly("null", "\"x\"", "null");
    }

    @Test
    void theDequesExceptionSignallingMethodsReturnNoneAsNull(UnifiedJedis redis) throws InterruptedException {
        redis.rpush("d", "null", "null", "null", "null", "\"x\"", "null", "null", "null");
        RedisDeque<Object> deque = new RedisDeque<>(redis, "d");
        assertThat(deque.getFirst()).isNull();
        assertThat(deque.getLast()).isNull();
        assertThat(deque.element()).isNull();
        assertThat(deque.removeFirst()).isNull();
        assertThat(deque.removeLast()).isNull();
        assertThat(deque.remove()).isNull();
        assertThat(deque.pop()).isNull();
        assertThat(deque.takeFirst()).isNull();
        assertThat(deque.takeLast()).isNull();
        assertThat(deque.take()).isEqualTo("x");
        assertThat(deque.removeFirst()).isNull();
        assertThat(deque.isEmpty()).isTrue();
        assertThatThrownBy(deque::removeFirst).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(deque::getLast).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void dequeCopiesIterationAndSearchesSeeNone(UnifiedJedis redis) {
        RedisDeque<Object> deque = pythonDeque(redis, "d");
        assertThat(deque.toList()).containsExactly("a", null, "b");
        assertThat(deque).containsExactly("a", null, "b");
        assertThat(deque.toString()).isEqualTo("[a, null, b]");
        assertThat(deque.contains(null)).isTrue();
        assertThat(deque.containsAll(Arrays.asList("b", null))).isTrue();
        List<Object> sink = new ArrayList<>();
        assertThat(deque.drainTo(sink)).isEqualTo(3);
        assertThat(sink).containsExactly("a", null, "b");
        redis.rpush("d", "null", "\"c\"");
        assertThat(deque.removeFirstOccurrence(null)).isTrue();
        assertThat(deque.contains(null)).isFalse();
        assertThat(deque.toList()).containsExactly("c");
    }

    @Test
    void javaStillRefusesToAddNullToADeque(UnifiedJedis redis) {
        RedisDeque<Object> deque = new RedisDeque<>(redis, "d");
        assertThatThrownBy(() -> deque.addFirst(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("'d'");
        assertThatThrownBy(() -> deque.offer(null)).isInstanceOf(NullPointerException.class);
        assertThat(deque.isEmpty()).isTrue();
    }

    // ---------------------------------------------------------------- queue

    @Test
    void aPollLoopOverAQueueStopsAtNoneWithAnExceptionNamingTheKeyAndLosesNothing(UnifiedJedis redis) {
        RedisQueue<Object> queue = pythonQueue(redis, "py-queue");
        assertThat(queue.poll()).isEqualTo("a");
        assertThatThrownBy(queue::poll).isInstanceOf(NullElementException.class).hasMessageContaining("'py-queue'");
        assertThatThrownBy(queue::peek).isInstanceOf(NullElementException.class);
        assertThatThrownBy(() -> queue.poll(30, TimeUnit.SECONDS)).isInstanceOf(NullElementException.class);
        assertThat(redis.xlen("py-queue")).isEqualTo(2);
        assertThat(queue.element()).isNull();
        assertThat(queue.remove()).isNull();
        assertThat(queue.poll()).isEqualTo("b");
        assertThat(queue.poll()).isNull();
    }

    @Test
    void theQueuesExceptionSignallingMethodsReturnNoneAsNull(UnifiedJedis redis) throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            redis.xadd("q", StreamEntryID.NEW_ENTRY, Map.of("item", "null"));
        }
        RedisQueue<Object> queue = new RedisQueue<>(redis, "q");
        assertThat(queue.take()).isNull();
        assertThat(queue.getNowait()).isNull();
        assertThat(queue.get(Duration.ofSeconds(1))).isNull();
        assertThat(queue.remove()).isNull();
        assertThat(queue.isEmpty()).isTrue();
        assertThatThrownBy(queue::remove).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void queueCopiesIterationAndSearchesSeeNone(UnifiedJedis redis) {
        RedisQueue<Object> queue = pythonQueue(redis, "q");
        assertThat(queue.toList()).containsExactly("a", null, "b");
        assertThat(queue.contains(null)).isTrue();
        assertThat(queue.containsAll(Arrays.asList(null, "a"))).isTrue();
        List<Object> sink = new ArrayList<>();
        assertThat(queue.drainTo(sink)).isEqualTo(3);
        assertThat(sink).containsExactly("a", null, "b");
        assertThatThrownBy(() -> queue.add(null)).isInstanceOf(NullPointerException.class);
    }

    // ---------------------------------------------------------------- races

    private static final int RACE_ELEMENTS = 600;

    /** Python's bytes for 0, 1, 2, ... with None at every fifth place. */
    private static List<String> raceElements() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < RACE_ELEMENTS; i++) {
            items.add(i % 5 == 0 ? "null" : Integer.toString(i));
        }
        return items;
    }

    private static void assertEachTakenOnce(List<Object> taken) {
        Map<Object, Integer> counts = new HashMap<>();
        taken.forEach(x -> counts.merge(x == null ? "None" : x, 1, Integer::sum));
        Map<Object, Integer> expected = new HashMap<>();
        for (int i = 0; i < RACE_ELEMENTS; i++) {
            expected.merge(i % 5 == 0 ? "None" : (Object) (long) i, 1, Integer::sum);
        }
        assertThat(counts).isEqualTo(expected);
    }

    /** Six consumers, alternating between two clients: poll, and remove when poll refuses a None. */
    private static List<Object> consumeConcurrently(java.util.function.Function<Integer, java.util.Queue<Object>> open)
            throws Exception {
        List<Object> taken = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> consumers = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                java.util.Queue<Object> queue = open.apply(t);
                consumers.add(pool.submit(() -> {
                    while (true) {
                        Object x;
                        try {
                            x = queue.poll();
                            if (x == null) {
                                return;
                            }
                        } catch (NullElementException none) {
                            try {
                                x = queue.remove(); // the None, or whatever another consumer left at the head
                            } catch (NoSuchElementException empty) {
                                return;
                            }
                        }
                        taken.add(x);
                    }
                }));
            }
            for (Future<?> consumer : consumers) {
                consumer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return taken;
    }

    @Test
    void concurrentConsumersTakeEveryDequeElementAndEveryNoneExactlyOnce(RedisDeployment server) throws Exception {
        try (UnifiedJedis one = server.newClient(); UnifiedJedis two = server.newClient()) {
            one.rpush("race", raceElements().toArray(new String[0]));
            assertEachTakenOnce(consumeConcurrently(t -> new RedisDeque<>(t % 2 == 0 ? one : two, "race")));
            assertThat(one.exists("race")).isFalse();
        }
    }

    @Test
    void concurrentConsumersTakeEveryQueueElementAndEveryNoneExactlyOnce(RedisDeployment server) throws Exception {
        try (UnifiedJedis one = server.newClient(); UnifiedJedis two = server.newClient()) {
            for (String item : raceElements()) {
                one.xadd("race", StreamEntryID.NEW_ENTRY, Map.of("item", item));
            }
            assertEachTakenOnce(consumeConcurrently(t -> new RedisQueue<>(t % 2 == 0 ? one : two, "race")));
            assertThat(one.xlen("race")).isZero();
        }
    }
}
