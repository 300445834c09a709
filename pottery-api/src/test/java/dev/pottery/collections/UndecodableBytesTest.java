package dev.pottery.collections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.cache.RedisCache;
import dev.pottery.codec.CodecException;
import dev.pottery.collections.counter.RedisCounter;
import dev.pottery.collections.list.RedisList;
import dev.pottery.collections.map.RedisMap;
import dev.pottery.collections.queue.RedisDeque;
import dev.pottery.collections.queue.RedisQueue;
import dev.pottery.collections.set.RedisSet;
import dev.pottery.testing.RedisServers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;

/**
 * Bytes the codec cannot decode (another program's, another codec's) in any structure: the call that
 * reads them throws a {@link CodecException} naming the Redis key and carrying the bytes, and nothing
 * else in the structure is lost or changed. Iterators go on past the bad item.
 */
@RedisServers
class UndecodableBytesTest {

    /** Not JSON, and not even UTF-8. */
    private static final byte[] BAD = {'{', 'n', 'o', (byte) 0xff, '!'};

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static CodecException assertBadBytes(ThrowingCallable call, String key) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(CodecException.class).hasMessageContaining("'" + key + "'");
        CodecException e = (CodecException) thrown;
        assertThat(e.key()).contains(key);
        assertThat(e.bytes()).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(BAD));
        return e;
    }

    /** Iterates to the end, catching failures: what the iterator yielded, and how many items failed. */
    private static <T> List<T> iterateAround(Iterator<T> iterator, AtomicInteger failures) {
        List<T> seen = new ArrayList<>();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    return seen;
                }
                seen.add(iterator.next());
            } catch (CodecException e) {
                failures.incrementAndGet();
            }
        }
    }

    private static Map<String, String> hash(UnifiedJedis redis, String key) {
        Map<String, String> out = new TreeMap<>();
        redis.hgetAll(ascii(key)).forEach((f, v) -> out.put(new String(f, StandardCharsets.ISO_8859_1),
                new String(v, StandardCharsets.ISO_8859_1)));
        return out;
    }

    private static List<String> list(UnifiedJedis redis, String key) {
        return redis.lrange(ascii(key), 0, -1).stream().map(b -> new String(b, StandardCharsets.ISO_8859_1)).toList();
    }

    @Test
    void aMapWithABadValueAndABadKey(UnifiedJedis redis) {
        redis.hset(ascii("m"), ascii("\"a\""), ascii("1"));
        redis.hset(ascii("m"), ascii("\"b\""), BAD);
        redis.hset(ascii("m"), BAD, ascii("3"));
        Map<String, String> before = hash(redis, "m");
        RedisMap<Object, Object> map = new RedisMap<>(redis, "m");
        assertBadBytes(() -> map.get("b"), "m");
        assertThat(map.get("a")).isEqualTo(1L);
        assertThat(map.containsKey("b")).isTrue();
        assertThat(map.containsValue(1L)).isTrue();
        AtomicInteger failures = new AtomicInteger();
        assertThat(iterateAround(map.entrySet().iterator(), failures)).containsExactly(Map.entry("a", 1L));
        assertThat(failures).hasValue(2);
        assertBadBytes(map::toMap, "m");
        assertThat(hash(redis, "m")).isEqualTo(before);
        CodecException removed = assertBadBytes(() -> map.remove("b"), "m");
        assertThat(removed).hasMessageContaining("the entry was removed");
        assertThat(map.containsKey("b")).isFalse();
        assertThat(map.get("a")).isEqualTo(1L);
    }

    @Test
    void aSetWithABadMember(UnifiedJedis redis) {
        redis.sadd(ascii("s"), ascii("1"), BAD, ascii("2"));
        RedisSet<Object> set = new RedisSet<>(redis, "s");
        AtomicInteger failures = new AtomicInteger();
        assertThat(iterateAround(set.iterator(), failures)).containsExactlyInAnyOrder(1L, 2L);
        assertThat(failures).hasValue(1);
        assertBadBytes(set::toSet, "s");
        assertThat(set.contains(1L)).isTrue();
        assertThat(set.size()).isEqualTo(3);
        redis.del("s");
        redis.sadd(ascii("s"), BAD);
        assertThat(assertBadBytes(set::pop, "s")).hasMessageContaining("put back");
        assertThat(redis.smembers(ascii("s"))).containsExactly(BAD);
    }

    @Test
    void aListWithABadElement(UnifiedJedis redis) {
        redis.rpush(ascii("l"), ascii("1"), BAD, ascii("3"));
        RedisList<Object> list = new RedisList<>(redis, "l");
        assertBadBytes(() -> list.get(1), "l");
        assertThat(list.get(0)).isEqualTo(1L);
        assertThat(list.get(2)).isEqualTo(3L);
        assertThat(list.indexOf(3L)).isEqualTo(2);
        AtomicInteger failures = new AtomicInteger();
        assertThat(iterateAround(list.iterator(), failures)).containsExactly(1L, 3L);
        assertThat(failures).hasValue(1);
        assertBadBytes(list::toList, "l");
        assertThat(list(redis, "l")).containsExactly("1", new String(BAD, StandardCharsets.ISO_8859_1), "3");
        assertThat(assertBadBytes(() -> list.set(1, 2L), "l")).hasMessageContaining("the new element was stored");
        assertThat(list.toList()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aDequeTakeOfABadElementPutsItBack(UnifiedJedis redis) {
        redis.rpush(ascii("d"), BAD, ascii("\"x\""), BAD);
        List<String> before = list(redis, "d");
        RedisDeque<Object> deque = new RedisDeque<>(redis, "d");
        assertThat(assertBadBytes(deque::pollFirst, "d")).hasMessageContaining("put back at the head");
        assertThat(assertBadBytes(deque::pollLast, "d")).hasMessageContaining("put back at the tail");
        assertBadBytes(deque::removeFirst, "d");
        assertBadBytes(deque::pop, "d");
        assertBadBytes(deque::takeFirst, "d");
        assertBadBytes(deque::takeLast, "d");
        assertBadBytes(() -> deque.pollFirst(1, TimeUnit.SECONDS), "d");
        assertBadBytes(deque::peekFirst, "d");
        assertBadBytes(deque::getLast, "d");
        assertThat(list(redis, "d")).isEqualTo(before);
        AtomicInteger failures = new AtomicInteger();
        assertThat(iterateAround(deque.iterator(), failures)).containsExactly("x");
        assertThat(failures).hasValue(2);
        assertThat(deque.contains("x")).isTrue();
    }

    @Test
    void aDequeDrainStopsAtABadElementAndPutsItAndTheRestBack(UnifiedJedis redis) {
        redis.rpush(ascii("d"), ascii("1"), ascii("2"), BAD, ascii("4"));
        RedisDeque<Object> deque = new RedisDeque<>(redis, "d");
        List<Object> sink = new ArrayList<>();
        assertBadBytes(() -> deque.drainTo(sink), "d");
        assertThat(sink).containsExactly(1L, 2L);
        assertThat(list(redis, "d")).containsExactly(new String(BAD, StandardCharsets.ISO_8859_1), "4");
    }

    @Test
    void aQueueHandsABadItemOverInTheExceptionAndKeepsTheOthers(UnifiedJedis redis) {
        redis.xadd(ascii("q"), XAddParams.xAddParams(), Map.of(ascii("item"), BAD));
        redis.xadd("q", StreamEntryID.NEW_ENTRY, Map.of("item", "\"x\""));
        RedisQueue<Object> queue = new RedisQueue<>(redis, "q");
        assertBadBytes(queue::peek, "q");
        assertBadBytes(queue::element, "q");
        assertThat(redis.xlen("q")).isEqualTo(2);
        assertThat(assertBadBytes(queue::poll, "q")).hasMessageContaining("cannot take it back in place");
        assertThat(queue.toList()).containsExactly("x");
    }

    @Test
    void aQueueDrainDeliversEveryGoodItemThenReportsTheBadOne(UnifiedJedis redis) {
        redis.xadd("q", StreamEntryID.NEW_ENTRY, Map.of("item", "1"));
        redis.xadd(ascii("q"), XAddParams.xAddParams(), Map.of(ascii("item"), BAD));
        redis.xadd("q", StreamEntryID.NEW_ENTRY, Map.of("item", "3"));
        RedisQueue<Object> queue = new RedisQueue<>(redis, "q");
        List<Object> sink = new ArrayList<>();
        assertBadBytes(() -> queue.drainTo(sink), "q");
        assertThat(sink).containsExactly(1L, 3L);
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void aCounterWithABadElementOrABadCount(UnifiedJedis redis) {
        redis.hset(ascii("c"), ascii("\"a\""), ascii("1"));
        redis.hset(ascii("c"), BAD, ascii("2"));
        Map<String, String> before = hash(redis, "c");
        RedisCounter<Object> counter = new RedisCounter<>(redis, "c");
        assertThat(counter.get("a")).isEqualTo(1L);
        assertBadBytes(counter::toMap, "c");
        AtomicInteger failures = new AtomicInteger();
        assertThat(iterateAround(counter.elements(), failures)).containsExactly("a");
        assertThat(failures).hasValue(1);
        assertThat(hash(redis, "c")).isEqualTo(before);
        redis.del("c");
        redis.hset(ascii("c"), ascii("\"z\""), BAD);
        assertThat(assertBadBytes(() -> counter.get("z"), "c")).hasMessageContaining("element z")
                .hasMessageContaining("not a number");
        assertThat(redis.hget(ascii("c"), ascii("\"z\""))).isEqualTo(BAD);
    }

    @Test
    void aMemoizerWithABadCachedResultDoesNotRecomputeOverIt(UnifiedJedis redis) {
        AtomicInteger calls = new AtomicInteger();
        RedisCache<String, Object> lengths = RedisCache.builder(redis).key("lengths").function((String text) -> {
            calls.incrementAndGet();
            return text.length();
        });
        redis.hset(ascii("lengths"), ascii("[\"pottery\"]"), BAD);
        assertBadBytes(() -> lengths.apply("pottery"), "lengths");
        assertThat(calls).hasValue(0);
        assertThat(redis.hget(ascii("lengths"), ascii("[\"pottery\"]"))).isEqualTo(BAD);
        assertThat(lengths.apply("redis")).isEqualTo(5);
    }
}
