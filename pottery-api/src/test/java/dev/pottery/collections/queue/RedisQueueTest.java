package dev.pottery.collections.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pottery.KeyExistsException;
import dev.pottery.PotteryException;
import dev.pottery.QueueEmptyException;
import dev.pottery.collections.CommandStats;
import dev.pottery.testing.NodeInfo;
import dev.pottery.testing.RedisDeployment;
import dev.pottery.testing.RedisServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

@RedisServers
class RedisQueueTest {

    private final ExecutorService background = Executors.newCachedThreadPool();

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    private static void awaitBlockedClients(UnifiedJedis redis, int n) {
        await().atMost(5, TimeUnit.SECONDS).until(() -> NodeInfo.sum(redis, "clients", "blocked_clients") == n);
    }

    @Test
    void storesEachElementAsAStreamEntryWithAnItemFieldAsPotteryDid(UnifiedJedis redis) {
        RedisQueue<Object> queue = new RedisQueue<>(redis, "jobs");
        queue.put("resize:42");
        queue.add(Map.of("id", 7L));
        assertThat(redis.type("jobs")).isEqualTo("stream");
        List<StreamEntry> entries = redis.xrange("jobs", (StreamEntryID) null, (StreamEntryID) null);
        assertThat(entries).extracting(StreamEntry::getFields)
                .containsExactly(Map.of("item", "\"resize:42\""), Map.of("item", "{\"id\": 7}"));
        assertThat(queue.size()).isEqualTo(2);
    }

    @Test
    void takesWhatPythonPutInFifoOrder(UnifiedJedis redis) {
        redis.xadd("py", StreamEntryID.NEW_ENTRY, Map.of("item", "\"first\""));
        redis.xadd("py", StreamEntryID.NEW_ENTRY, Map.of("item", "2"));
        RedisQueue<Object> queue = new RedisQueue<>(redis, "py");
        assertThat(queue.peek()).isEqualTo("first");
        assertThat(queue.poll()).isEqualTo("first");
        assertThat(queue.remove()).isEqualTo(2L);
        assertThat(queue.poll()).isNull();
        assertThat(redis.xlen("py")).isZero();
    }

    @Test
    void anEmptyQueueAnswersAsJavaExpectsAndThePotteryStyleGetThrowsQueueEmpty(UnifiedJedis redis) throws Exception {
        RedisQueue<Object> queue = new RedisQueue<>(redis, "empty");
        assertThat(queue.poll()).isNull();
        assertThat(queue.peek()).isNull();
        assertThatThrownBy(queue::remove).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(queue::element).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(queue::getNowait).isInstanceOf(QueueEmptyException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> queue.get(Duration.ofMillis(100))).isInstanceOf(QueueEmptyException.class);
        queue.put("x");
        assertThat(queue.get(Duration.ofSeconds(1))).isEqualTo("x");
    }

    @Test
    void refusesNull(UnifiedJedis redis) {
        RedisQueue<Object> queue = new RedisQueue<>(redis, "q");
        assertThatThrownBy(() -> queue.offer(null)).isInstanceOf(NullPointerException.class);
        assertThat(queue.remainingCapacity()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void takeWaitsForAProducerInAnotherThread(UnifiedJedis redis) throws Exception {
        RedisQueue<Object> queue = new RedisQueue<>(redis, "q");
        Future<Object> taken = background.submit(queue::take);
        awaitBlockedClients(redis, 1);
        assertThat(taken).isNotDone();
        new RedisQueue<>(redis, "q").put("hello");
        assertThat(taken.get(5, TimeUnit.SECONDS)).isEqualTo("hello");
        assertThat(queue.size()).isZero();
    }

    @Test
    void timedPollGetsAnElementPutWhileWaitingAndNullOtherwise(UnifiedJedis redis) throws Exception {
        RedisQueue<Object> queue = new RedisQueue<>(redis, "q");
        assertThat(queue.poll(150, TimeUnit.MILLISECONDS)).isNull();
        Future<Object> polled = background.submit(() -> queue.poll(Long.MAX_VALUE, TimeUnit.NANOSECONDS));
        awaitBlockedClients(redis, 1);
        queue.offer("late");
        assertThat(polled.get(5, TimeUnit.SECONDS)).isEqualTo("late");
    }

    @Test
    void aBlockedTakeIsInterruptible(UnifiedJedis redis) throws Exception {
        RedisQueue<Object> queue = new RedisQueue<>(redis, "never");
        CompletableFuture<Thread> worker = new CompletableFuture<>();
        Future<Object> taken = background.submit(() -> {
            worker.complete(Thread.currentThread());
            return queue.take();
        });
        awaitBlockedClients(redis, 1);
        worker.get().interrupt();
        assertThatThrownBy(() -> taken.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(InterruptedException.class);
    }

    @Test
    void competingConsumersNeverGetTheSameItem(RedisDeployment server) throws Exception {
        int items = 600;
        int consumers = 6;
        List<UnifiedJedis> clients = new ArrayList<>();
        ConcurrentLinkedQueue<Object> received = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int c = 0; c < consumers; c++) {
                UnifiedJedis client = server.newClient();
                clients.add(client);
                RedisQueue<Object> queue = new RedisQueue<>(client, "work");
                // half take blocking, half poll without waiting: both paths race for the same entries
                boolean blocking = c % 2 == 0;
                running.add(background.submit(() -> {
                    start.await();
                    while (received.size() < items) {
                        Object e = blocking ? queue.poll(200, TimeUnit.MILLISECONDS) : queue.poll();
                        if (e != null) {
                            received.add(e);
                        }
                    }
                    return null;
                }));
            }
            UnifiedJedis producerClient = server.newClient();
            clients.add(producerClient);
            RedisQueue<Object> producer = new RedisQueue<>(producerClient, "work");
            start.countDown();
            for (long i = 0; i < items; i++) {
                if (i % 100 == 0) {
                    producer.addAll(LongStream.range(i, i + 50).boxed().collect(Collectors.toList()));
                    i += 49;
                } else {
                    producer.put(i);
                }
            }
            for (Future<?> f : running) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            clients.forEach(UnifiedJedis::close);
        }
        assertThat(received).hasSize(items);
        assertThat(new HashSet<>(received)).hasSize(items);
    }

    @Test
    void pollIsOneScriptAndPutOneXadd(UnifiedJedis redis) {
        RedisQueue<Object> queue = new RedisQueue<>(redis, "costs");
        queue.put("warm-up");
        queue.poll();
        assertThat(CommandStats.of(redis, () -> queue.put("a"))).isEqualTo(Map.of("xadd", 1L));
        assertThat(CommandStats.of(redis, queue::poll))
                .isEqualTo(Map.of("evalsha", 1L, "xrange", 1L, "xdel", 1L));
        assertThat(CommandStats.of(redis, queue::size)).isEqualTo(Map.of("xlen", 1L));
        assertThat(CommandStats.of(redis, () -> queue.addAll(List.of(1L, 2L, 3L))))
                .isEqualTo(Map.of("evalsha", 1L, "xadd", 3L));
        assertThat(CommandStats.of(redis, queue::peek)).isEqualTo(Map.of("xrange", 1L));
    }

    @Test
    void iteratesOldestFirstAcrossPagesAndRemovesTheReturnedEntry(UnifiedJedis redis) {
        List<Object> numbers = LongStream.range(0, 300).boxed().collect(Collectors.toList());
        RedisQueue<Object> queue = new RedisQueue<>(redis, "numbers", numbers);
        assertThat(queue.toList()).isEqualTo(numbers);
        Iterator<Object> it = queue.iterator();
        while (it.hasNext()) {
            if ((Long) it.next() % 3 != 0) {
                it.remove();
            }
        }
        assertThatThrownBy(it::remove).isInstanceOf(IllegalStateException.class);
        assertThat(queue.size()).isEqualTo(100);
        assertThat(queue.poll()).isEqualTo(0L);
        assertThat(queue.poll()).isEqualTo(3L);
    }

    @Test
    void containsRemoveAndBulkOperations(UnifiedJedis redis) {
        RedisQueue<Object> queue = new RedisQueue<>(redis, "bulk", List.of("a", "b", "c", "a", "d"));
        assertThat(queue.contains("c")).isTrue();
        assertThat(queue.contains("z")).isFalse();
        assertThat(queue.contains(new Object())).isFalse();
        assertThat(queue.containsAll(List.of("a", "d"))).isTrue();
        assertThat(queue.containsAll(List.of("a", "z"))).isFalse();
        assertThat(queue.remove("a")).isTrue();
        assertThat(queue.toList()).containsExactly("b", "c", "a", "d");
        assertThat(queue.removeAll(List.of("a", "q"))).isTrue();
        assertThat(queue.toList()).containsExactly("b", "c", "d");
        assertThat(queue.retainAll(List.of("d", "b"))).isTrue();
        assertThat(queue.toList()).containsExactly("b", "d");
        assertThat(queue.toString()).isEqualTo("[b, d]");
    }

    @Test
    void drainToTakesOldestFirstUpToTheLimit(UnifiedJedis redis) {
        RedisQueue<Object> queue = new RedisQueue<>(redis, "drain", List.of(1L, 2L, 3L, 4L, 5L));
        List<Object> sink = new ArrayList<>();
        assertThat(queue.drainTo(sink, 2)).isEqualTo(2);
        assertThat(queue.drainTo(sink)).isEqualTo(3);
        assertThat(sink).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(queue.isEmpty()).isTrue();
        assertThatThrownBy(() -> queue.drainTo(queue)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void initialDataRefusesAnExistingKey(UnifiedJedis redis) {
        new RedisQueue<>(redis, "init", List.of("a"));
        assertThatThrownBy(() -> RedisQueue.builder(redis).key("init").initialData(List.of("b")).build())
                .isInstanceOf(KeyExistsException.class).hasMessageContaining("init");
        assertThat(new RedisQueue<>(redis, "init").toList()).containsExactly("a");
    }

    @Test
    void anEntryWithoutAnItemFieldIsReportedWithTheKey(UnifiedJedis redis) {
        redis.xadd("foreign", StreamEntryID.NEW_ENTRY, Map.of("other", "1"));
        RedisQueue<Object> queue = new RedisQueue<>(redis, "foreign");
        assertThatThrownBy(queue::peek).isInstanceOf(PotteryException.class).hasMessageContaining("foreign");
        assertThatThrownBy(queue::poll).hasMessageContaining("no item field");
        assertThat(redis.xlen("foreign")).isEqualTo(1);
    }

    @Test
    void aKeyHoldingAnotherTypeIsReportedWithBothTypes(UnifiedJedis redis) {
        redis.rpush("list", "x");
        RedisQueue<Object> queue = new RedisQueue<>(redis, "list");
        assertThatThrownBy(() -> queue.put("y")).isInstanceOf(PotteryException.class)
                .hasMessageContaining("stream").hasMessageContaining("holds a list").hasMessageContaining("'list'");
    }

    @Test
    void sameKeyMeansEqualAndCloseDeletesARandomKey(UnifiedJedis redis) {
        assertThat(new RedisQueue<>(redis, "a")).isEqualTo(new RedisQueue<>(redis, "a"))
                .isNotEqualTo(new RedisQueue<>(redis, "b"));
        RedisQueue<Object> temporary = new RedisQueue<>(redis);
        temporary.put(1L);
        temporary.close();
        assertThat(redis.exists(temporary.key())).isFalse();
    }
}
