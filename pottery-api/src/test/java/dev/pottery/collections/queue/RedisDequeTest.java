package dev.pottery.collections.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pottery.KeyExistsException;
import dev.pottery.PotteryException;
import dev.pottery.collections.CommandStats;
import dev.pottery.testing.NodeInfo;
import dev.pottery.testing.RedisDeployment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

@dev.pottery.testing.RedisServers
class RedisDequeTest {

    private final ExecutorService background = Executors.newCachedThreadPool();

    @AfterEach
    void stopBackground() {
        background.shutdownNow();
    }

    private static List<String> raw(UnifiedJedis redis, String key) {
        return redis.lrange(key, 0, -1);
    }

    private static void awaitBlockedClients(UnifiedJedis redis, int n) {
        await().atMost(5, TimeUnit.SECONDS).until(() -> NodeInfo.sum(redis, "clients", "blocked_clients") == n);
    }

    @Test
    void addsAtBothEndsWithPotterysListLayout(UnifiedJedis redis) {
        RedisDeque<Object> deque = new RedisDeque<>(redis, "letters");
        deque.addLast("b");
        deque.addFirst("a");
        deque.offerLast(Map.of("z", 1L, "y", List.of(true)));
        deque.push(1L);
        assertThat(raw(redis, "letters")).containsExactly("1", "\"a\"", "\"b\"", "{\"y\": [true], \"z\": 1}");
        assertThat(deque).hasSize(4);
    }

    @Test
    void readsWhatPythonWrote(UnifiedJedis redis) {
        redis.rpush("py", "\"caf\\u00e9\"", "1.5", "null", "[1, 2]");
        RedisDeque<Object> deque = new RedisDeque<>(redis, "py");
        assertThat(deque.toList()).containsExactly("café", 1.5, null, List.of(1L, 2L));
    }

    @Test
    void pollsAndPeeksAtBothEnds(UnifiedJedis redis) {
        RedisDeque<Object> deque = new RedisDeque<>(redis, "d", List.of("a", "b", "c"));
        assertThat(deque.peekFirst()).isEqualTo("a");
        assertThat(deque.peekLast()).isEqualTo("c");
        assertThat(deque.pollLast()).isEqualTo("c");
        assertThat(deque.pop()).isEqualTo("a");
        assertThat(deque.element()).isEqualTo("b");
        assertThat(deque.poll()).isEqualTo("b");
        assertThat(deque.isEmpty()).isTrue();
    }

    @Test
    void anEmptyDequeAnswersNullOrNoSuchElementAsJavaExpects(UnifiedJedis redis) {
        RedisDeque<Object> deque = new RedisDeque<>(redis, "empty");
        assertThat(deque.pollFirst()).isNull();
        assertThat(deque.pollLast()).isNull();
        assertThat(deque.peek()).isNull();
        assertThatThrownBy(deque::removeFirst).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(deque::getLast).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(deque::element).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(deque::pop).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void refusesNullElements(UnifiedJedis redis) {
        RedisDeque<Object> deque = new RedisDeque<>(redis, "nulls");
        assertThatThrownBy(() -> deque.addFirst(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> deque.offer(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> deque.addAll(java.util.Arrays.asList("a", null)))
                .isInstanceOf(NullPointerException.class);
        assertThat(redis.exists("nulls")).isFalse();
    }

    @Test
    void aBoundedDequeDropsFromTheFarEndAsPotteryDoes(UnifiedJedis redis) {
        RedisDeque<Object> deque = RedisDeque.builder(redis).key("recent").maxlen(3).build();
        deque.addAll(List.of("a", "b", "c", "d"));
        assertThat(raw(redis, "recent")).containsExactly("\"b\"", "\"c\"", "\"d\"");
        deque.addFirst("z");
        assertThat(deque.toList()).containsExactly("z", "b", "c");
        assertThat(deque.offerLast("y")).isTrue();
        assertThat(deque.toList()).containsExactly("b", "c", "y");
        assertThat(deque.offerFirst("x")).isTrue();
        assertThat(deque.toList()).containsExactly("x", "b", "c");
        assertThat(deque.remainingCapacity()).isZero();
        assertThat(deque.maxlen()).hasValue(3);
    }

    @Test
    void boundedPushesTrimInTheSameScript(UnifiedJedis redis) {
        RedisDeque<Object> deque = RedisDeque.builder(redis).key("recent").maxlen(2).build();
        deque.addLast("warm-up"); // loads the script, so the measurement below sees EVALSHA only
        Map<String, Long> commands = CommandStats.of(redis, () -> deque.addLast("a"));
        assertThat(commands).containsEntry("evalsha", 1L).containsEntry("rpush", 1L).containsKey("llen")
                .doesNotContainKey("eval");
        deque.addLast("b");
        assertThat(CommandStats.of(redis, () -> deque.addLast("c")))
                .containsEntry("evalsha", 1L).containsEntry("ltrim", 1L);
    }

    @Test
    void maxlenZeroDiscardsEverythingAndNegativeIsRefused(UnifiedJedis redis) {
        RedisDeque<Object> none = RedisDeque.builder(redis).key("none").maxlen(0).build();
        assertThat(none.offer("a")).isTrue();
        assertThat(redis.exists("none")).isFalse();
        assertThatThrownBy(() -> RedisDeque.builder(redis).maxlen(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openingAPersistentDequeLongerThanItsMaxlenFails(UnifiedJedis redis) {
        redis.rpush("long", "1", "2", "3");
        assertThatThrownBy(() -> RedisDeque.builder(redis).key("long").maxlen(2).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("long");
        assertThat(RedisDeque.builder(redis).key("long").maxlen(3).build()).hasSize(3);
    }

    @Test
    void initialDataIsTrimmedToMaxlenAndRefusesAnExistingKey(UnifiedJedis redis) {
        RedisDeque<Object> deque = RedisDeque.builder(redis).key("init").maxlen(2).initialData(List.of(1L, 2L, 3L)).build();
        assertThat(deque.toList()).containsExactly(2L, 3L);
        assertThatThrownBy(() -> new RedisDeque<>(redis, "init", List.of("x")))
                .isInstanceOf(KeyExistsException.class).hasMessageContaining("init");
        assertThat(deque.toList()).containsExactly(2L, 3L);
        // without data the key is simply opened, as pottery does
        assertThat(new RedisDeque<>(redis, "init", List.of())).hasSize(2);
    }

    @Test
    void takeFirstWaitsForAnotherThreadsPush(UnifiedJedis redis) throws Exception {
        RedisDeque<Object> deque = new RedisDeque<>(redis, "jobs");
        Future<Object> taken = background.submit(deque::takeFirst);
        awaitBlockedClients(redis, 1);
        assertThat(taken).isNotDone();
        new RedisDeque<>(redis, "jobs").addLast("job-1");
        assertThat(taken.get(5, TimeUnit.SECONDS)).isEqualTo("job-1");
        assertThat(deque).isEmpty();
    }

    @Test
    void takeLastTakesFromTheTail(UnifiedJedis redis) throws Exception {
        RedisDeque<Object> deque = new RedisDeque<>(redis, "d", List.of("a", "b"));
        assertThat(deque.takeLast()).isEqualTo("b");
        assertThat(deque.take()).isEqualTo("a");
    }

    @Test
    void timedPollsGetAnElementPushedWhileWaiting(UnifiedJedis redis) throws Exception {
        RedisDeque<Object> deque = new RedisDeque<>(redis, "d");
        // the longest timeout there is: no deadline arithmetic may overflow
        Future<Object> last = background.submit(() -> deque.pollLast(Long.MAX_VALUE, TimeUnit.DAYS));
        awaitBlockedClients(redis, 1);
        deque.addFirst("x");
        assertThat(last.get(5, TimeUnit.SECONDS)).isEqualTo("x");
    }

    @Test
    void timedPollsAnswerNullWhenNothingArrives(UnifiedJedis redis) throws Exception {
        RedisDeque<Object> deque = new RedisDeque<>(redis, "d");
        assertThat(deque.pollFirst(150, TimeUnit.MILLISECONDS)).isNull();
        assertThat(deque.pollLast(0, TimeUnit.SECONDS)).isNull();
        assertThat(deque.poll(-1, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void aTimedPollLongerThanTheSocketTimeoutStillWorks(UnifiedJedis redis) throws Exception {
        // Jedis's default socket timeout is 2 s; the wait is sliced, so a longer wait neither fails nor ends early
        RedisDeque<Object> deque = new RedisDeque<>(redis, "slow");
        Future<Object> polled = background.submit(() -> deque.pollFirst(10, TimeUnit.SECONDS));
        awaitBlockedClients(redis, 1);
        Thread.sleep(2500);
        assertThat(polled).isNotDone();
        deque.add("late");
        assertThat(polled.get(5, TimeUnit.SECONDS)).isEqualTo("late");
    }

    @Test
    void aBlockedTakeIsInterruptible(UnifiedJedis redis) throws Exception {
        RedisDeque<Object> deque = new RedisDeque<>(redis, "never");
        CompletableFuture<Thread> worker = new CompletableFuture<>();
        Future<Object> taken = background.submit(() -> {
            worker.complete(Thread.currentThread());
            return deque.takeFirst();
        });
        awaitBlockedClients(redis, 1);
        worker.get().interrupt();
        assertThatThrownBy(() -> taken.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(InterruptedException.class);
        deque.add("after");
        assertThat(deque.toList()).containsExactly("after");
    }

    @Test
    void twoBlockedConsumersEachGetOneElement(UnifiedJedis redis) throws Exception {
        RedisDeque<Object> deque = new RedisDeque<>(redis, "work");
        Future<Object> first = background.submit(deque::takeFirst);
        Future<Object> second = background.submit(deque::takeLast);
        awaitBlockedClients(redis, 2);
        deque.addAll(List.of("a", "b"));
        assertThat(List.of(first.get(5, TimeUnit.SECONDS), second.get(5, TimeUnit.SECONDS)))
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void rotatesLikePythonsDequeReducingStepsModuloTheLength(UnifiedJedis redis) {
        RedisDeque<Object> deque = new RedisDeque<>(redis, "r", List.of("a", "b", "c", "d", "e"));
        deque.rotate(2);
        assertThat(deque.toList()).containsExactly("d", "e", "a", "b", "c");
        deque.rotate(-2);
        assertThat(deque.toList()).containsExactly("a", "b", "c", "d", "e");
        deque.rotate(7); // pottery's issue #849: 7 steps of 5 elements are 2 steps
        assertThat(deque.toList()).containsExactly("d", "e", "a", "b", "c");
        deque.rotate(-9);
        assertThat(deque.toList()).containsExactly("c", "d", "e", "a", "b");
        deque.rotate(4); // more than half: moved the other way round
        assertThat(deque.toList()).containsExactly("d", "e", "a", "b", "c");
        deque.rotate(0);
        assertThat(deque.toList()).containsExactly("d", "e", "a", "b", "c");
        RedisDeque<Object> empty = new RedisDeque<>(redis, "nothing");
        empty.rotate(3);
        assertThat(redis.exists("nothing")).isFalse();
    }

    @Test
    void rotateReducesAnyLongExactlyWhereADoubleWouldNot(UnifiedJedis redis) {
        RedisDeque<Object> deque = new RedisDeque<>(redis, "r", List.of("a", "b", "c", "d", "e", "f", "g"));
        // 2^53 + 1 is 1 more than a multiple of 7 (2^53 = 7 * 1286742750677284 + 4, so 2^53 + 1 = 5 mod 7),
        // and a Lua double would read it as 2^53 (4 mod 7)
        deque.rotate((1L << 53) + 1);
        assertThat(deque.toList()).containsExactly("c", "d", "e", "f", "g", "a", "b");
        deque.rotate(Long.MAX_VALUE); // 2^63 - 1 = 0 mod 7
        assertThat(deque.toList()).containsExactly("c", "d", "e", "f", "g", "a", "b");
        deque.rotate(Long.MIN_VALUE); // -2^63 = 6 mod 7: six steps right are one step left
        assertThat(deque.toList()).containsExactly("d", "e", "f", "g", "a", "b", "c");
    }

    /**
     * Rotations commute, so eight threads on two clients rotating by huge steps at once must leave the
     * deque rotated by the sum of their steps modulo the length: no step lost, none torn.
     */
    @Test
    void concurrentRotationsByHugeStepsCompose(RedisDeployment server) throws Exception {
        List<Object> letters = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k");
        try (UnifiedJedis one = server.newClient(); UnifiedJedis two = server.newClient()) {
            new RedisDeque<>(one, "spin", letters);
            List<Future<?>> spinners = new ArrayList<>();
            java.math.BigInteger total = java.math.BigInteger.ZERO;
            for (int t = 0; t < 8; t++) {
                long step = t % 2 == 0 ? Long.MAX_VALUE - t : Long.MIN_VALUE + 3L * t;
                total = total.add(java.math.BigInteger.valueOf(step).multiply(java.math.BigInteger.valueOf(20)));
                RedisDeque<Object> deque = new RedisDeque<>(t % 2 == 0 ? one : two, "spin");
                spinners.add(background.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        deque.rotate(step);
                    }
                }));
            }
            for (Future<?> spinner : spinners) {
                spinner.get(60, TimeUnit.SECONDS);
            }
            int right = total.mod(java.math.BigInteger.valueOf(letters.size())).intValue();
            List<Object> expected = new ArrayList<>(letters);
            java.util.Collections.rotate(expected, right);
            assertThat(new RedisDeque<>(one, "spin").toList()).isEqualTo(expected);
        }
    }

    @Test
    void rotateIsOneScript(UnifiedJedis redis) {
        RedisDeque<Object> deque = new RedisDeque<>(redis, "r", List.of(1L, 2L, 3L));
        deque.rotate(1);
        Map<String, Long> commands = CommandStats.of(redis, () -> deque.rotate(1));
        assertThat(commands).containsEntry("evalsha", 1L).containsEntry("lmove", 1L);
    }

    @Test
    void iteratesPageByPageInBothDirections(UnifiedJedis redis) {
        List<Object> numbers = IntStream.range(0, 300).mapToObj(i -> (Object) (long) i).collect(Collectors.toList());
        RedisDeque<Object> deque = new RedisDeque<>(redis, "numbers", numbers);
        List<Object> forward = new ArrayList<>();
        deque.iterator().forEachRemaining(forward::add);
        assertThat(forward).isEqualTo(numbers);
        List<Object> backward = new ArrayList<>();
        deque.descendingIterator().forEachRemaining(backward::add);
        assertThat(backward).isEqualTo(reversed(numbers));
        assertThat(deque.toArray()).containsExactly(numbers.toArray());
    }

    private static List<Object> reversed(List<Object> list) {
        List<Object> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    @Test
    void iteratorRemoveDeletesTheElementItReturnedEvenAmongDuplicates(UnifiedJedis redis) {
        RedisDeque<Object> deque = new RedisDeque<>(redis, "dups", List.of("a", "b", "a", "c"));
        Iterator<Object> it = deque.iterator();
        it.next();
        it.next();
        assertThat(it.next()).isEqualTo("a");
        it.remove();
        assertThat(it.next()).isEqualTo("c");
        assertThat(it.hasNext()).isFalse();
        assertThat(raw(redis, "dups")).containsExactly("\"a\"", "\"b\"", "\"c\"");
        it.remove();
        assertThatThrownBy(it::remove).isInstanceOf(IllegalStateException.class);
        assertThat(raw(redis, "dups")).containsExactly("\"a\"", "\"b\"");
    }

    @Test
    void removeIfAcrossPagesSkipsNothing(UnifiedJedis redis) {
        List<Object> numbers = IntStream.range(0, 300).mapToObj(i -> (Object) (long) i).collect(Collectors.toList());
        RedisDeque<Object> deque = new RedisDeque<>(redis, "numbers", numbers);
        assertThat(deque.removeIf(n -> (Long) n % 2 == 0)).isTrue();
        assertThat(deque.toList()).isEqualTo(numbers.stream().filter(n -> (Long) n % 2 == 1).collect(Collectors.toList()));
        Iterator<Object> down = deque.descendingIterator();
        while (down.hasNext()) {
            if ((Long) down.next() > 200) {
                down.remove();
            }
        }
        assertThat(deque.peekLast()).isEqualTo(199L);
        assertThat(deque).hasSize(100);
    }

    @Test
    void removesFirstAndLastOccurrences(UnifiedJedis redis) {
        RedisDeque<Object> deque = new RedisDeque<>(redis, "occ", List.of("a", "b", "a", "b"));
        assertThat(deque.removeLastOccurrence("a")).isTrue();
        assertThat(deque.toList()).containsExactly("a", "b", "b");
        assertThat(deque.removeFirstOccurrence("b")).isTrue();
        assertThat(deque.remove("zzz")).isFalse();
        assertThat(deque.remove(new Object())).isFalse();
        assertThat(deque.toList()).containsExactly("a", "b");
    }

    @Test
    void bulkQueriesAndRemovalsAreOneScriptEach(UnifiedJedis redis) {
        RedisDeque<Object> deque = new RedisDeque<>(redis, "bulk", List.of("a", "b", "c", "a", "d"));
        assertThat(deque.contains("c")).isTrue();
        assertThat(deque.contains("z")).isFalse();
        assertThat(deque.containsAll(List.of("a", "d"))).isTrue();
        assertThat(deque.containsAll(List.of("a", "z"))).isFalse();
        assertThat(deque.removeAll(List.of("a", "z"))).isTrue();
        assertThat(deque.toList()).containsExactly("b", "c", "d");
        assertThat(deque.retainAll(List.of("d", "b"))).isTrue();
        assertThat(deque.toList()).containsExactly("b", "d");
        assertThat(deque.retainAll(List.of("d", "b"))).isFalse();
        assertThat(CommandStats.of(redis, () -> deque.removeAll(List.of("b", "q"))))
                .containsEntry("evalsha", 1L).containsEntry("lrem", 2L);
    }

    @Test
    void drainToMovesFromTheHeadUpToTheLimit(UnifiedJedis redis) {
        RedisDeque<Object> deque = new RedisDeque<>(redis, "drain", List.of(1L, 2L, 3L, 4L, 5L));
        List<Object> sink = new ArrayList<>();
        assertThat(deque.drainTo(sink, 2)).isEqualTo(2);
        assertThat(sink).containsExactly(1L, 2L);
        assertThat(deque.drainTo(sink)).isEqualTo(3);
        assertThat(sink).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(deque.drainTo(sink)).isZero();
        assertThatThrownBy(() -> deque.drainTo(deque)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void singleElementOperationsAreOneCommand(UnifiedJedis redis) {
        RedisDeque<Object> deque = new RedisDeque<>(redis, "costs");
        assertThat(CommandStats.of(redis, () -> deque.addLast("a"))).isEqualTo(Map.of("rpush", 1L));
        assertThat(CommandStats.of(redis, () -> deque.addFirst("b"))).isEqualTo(Map.of("lpush", 1L));
        assertThat(CommandStats.of(redis, () -> deque.addAll(List.of("c", "d", "e"))))
                .isEqualTo(Map.of("rpush", 1L));
        assertThat(CommandStats.of(redis, deque::peekFirst)).isEqualTo(Map.of("lindex", 1L));
        assertThat(CommandStats.of(redis, deque::size)).isEqualTo(Map.of("llen", 1L));
        assertThat(CommandStats.of(redis, () -> deque.contains("c"))).isEqualTo(Map.of("lpos", 1L));
        deque.addLast("w");
        deque.pollLast(); // the first run of the poll script on a (cluster) node loads it: EVALSHA, then EVAL
        assertThat(CommandStats.of(redis, deque::pollFirst)).isEqualTo(Map.of("evalsha", 1L, "lindex", 1L, "lpop", 1L));
        assertThat(CommandStats.of(redis, deque::pollLast)).isEqualTo(Map.of("evalsha", 1L, "lindex", 1L, "rpop", 1L));
        assertThat(CommandStats.of(redis, deque::removeFirst)).isEqualTo(Map.of("lpop", 1L));
        assertThat(CommandStats.of(redis, () -> {
            try {
                deque.pollFirst(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        })).isEqualTo(Map.of("evalsha", 1L, "lindex", 1L, "lpop", 1L));
        assertThat(CommandStats.of(redis, () -> {
            try {
                deque.takeFirst();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        })).isEqualTo(Map.of("blpop", 1L));
    }

    @Test
    void twoInstancesOnOneKeyShareTheData(UnifiedJedis redis) {
        RedisDeque<Object> one = new RedisDeque<>(redis, "shared");
        RedisDeque<Object> two = new RedisDeque<>(redis, "shared");
        one.add("x");
        assertThat(two.pollFirst()).isEqualTo("x");
        assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
        assertThat(one).isNotEqualTo(new RedisDeque<>(redis, "other"));
        two.addAll(List.of("a", "b"));
        assertThat(one.toString()).isEqualTo("[a, b]");
    }

    @Test
    void aKeyHoldingAnotherTypeIsReportedWithBothTypes(UnifiedJedis redis) {
        redis.set("text", "hello");
        RedisDeque<Object> deque = new RedisDeque<>(redis, "text");
        assertThatThrownBy(deque::size).isInstanceOf(PotteryException.class)
                .hasMessageContaining("'text'").hasMessageContaining("list").hasMessageContaining("string");
        assertThat(redis.get("text")).isEqualTo("hello");
    }

    @Test
    void aValueTheCodecCannotEncodeIsAnIllegalArgumentNamingItsType(UnifiedJedis redis) {
        RedisDeque<Object> deque = new RedisDeque<>(redis, "d");
        assertThatThrownBy(() -> deque.add(new Thread()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Thread");
    }

    @Test
    void undecodableBytesAreReportedWithTheKey(UnifiedJedis redis) {
        redis.rpush("junk".getBytes(StandardCharsets.UTF_8), new byte[] {'{', 'x'});
        RedisDeque<Object> deque = new RedisDeque<>(redis, "junk");
        assertThatThrownBy(deque::peekFirst).isInstanceOf(PotteryException.class).hasMessageContaining("junk");
    }

    @Test
    void closeDeletesOnlyARandomKey(UnifiedJedis redis) {
        RedisDeque<Object> temporary = new RedisDeque<>(redis);
        temporary.add("x");
        assertThat(temporary.key()).startsWith("pottery:");
        temporary.close();
        assertThat(redis.exists(temporary.key())).isFalse();
        RedisDeque<Object> named = new RedisDeque<>(redis, "kept");
        named.add("x");
        named.close();
        assertThat(redis.exists("kept")).isTrue();
    }
}
