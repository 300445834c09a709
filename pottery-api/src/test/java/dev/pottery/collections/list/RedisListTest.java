package dev.pottery.collections.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pottery.KeyExistsException;
import dev.pottery.PotteryException;
import dev.pottery.codec.JsonCodec;
import dev.pottery.collections.CommandStats;
import dev.pottery.testing.RedisDeployment;
import dev.pottery.testing.RedisServers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

@RedisServers
class RedisListTest {

    private static RedisList<String> strings(UnifiedJedis redis, String key) {
        return RedisList.builder(redis).key(key).codec(JsonCodec.of(String.class)).build();
    }

    @Test
    void stringsAreStoredAsPythonJsonStrings(UnifiedJedis redis) {
        RedisList<String> list = strings(redis, "l");
        list.addAll(List.of("a", "é", "say \"hi\""));
        list.add(null);
        assertThat(redis.lrange("l", 0, -1)).containsExactly("\"a\"", "\"\\u00e9\"", "\"say \\\"hi\\\"\"", "null");
        assertThat(list).containsExactly("a", "é", "say \"hi\"", null);
    }

    @Test
    void readsAPythonPotteryList(UnifiedJedis redis) {
        redis.rpush("squares", "1", "4", "9", "16.0", "[1, 2]");
        RedisList<Object> squares = new RedisList<>(redis, "squares");
        assertThat(squares.toList()).containsExactly(1L, 4L, 9L, 16.0, List.of(1L, 2L));
        assertThat(squares.get(2)).isEqualTo(9L);
        assertThat(squares.indexOf(16.0)).isEqualTo(3);
    }

    @Test
    void getAndSetCheckTheBoundsAtomically(UnifiedJedis redis) {
        RedisList<String> list = strings(redis, "l");
        list.addAll(List.of("a", "b", "c"));
        assertThat(list.get(0)).isEqualTo("a");
        assertThat(list.get(2)).isEqualTo("c");
        assertThatThrownBy(() -> list.get(3)).isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("'l'");
        assertThatThrownBy(() -> list.get(-1)).as("Java indexes are never negative, unlike Python's")
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(list.set(1, "B")).isEqualTo("b");
        assertThatThrownBy(() -> list.set(3, "x")).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> strings(redis, "empty").set(0, "x")).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(list).containsExactly("a", "B", "c");
    }

    @Test
    void addAtAnIndexInsertsAtTheHeadMiddleAndEnd(UnifiedJedis redis) {
        RedisList<String> list = strings(redis, "l");
        list.add(0, "m");
        list.add(0, "a");
        list.add(2, "z");
        list.add(1, "b");
        assertThat(list).containsExactly("a", "b", "m", "z");
        assertThatThrownBy(() -> list.add(5, "x")).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> list.add(-1, "x")).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(list.addAll(2, List.of("c", "d"))).isTrue();
        assertThat(list.addAll(0, List.of("0", "1"))).isTrue();
        assertThat(list.addAll(8, List.of("end"))).isTrue();
        assertThat(list.addAll(3, List.of())).isFalse();
        assertThat(list).containsExactly("0", "1", "a", "b", "c", "d", "m", "z", "end");
    }

    @Test
    void removeByIndexAndByValue(UnifiedJedis redis) {
        RedisList<String> list = strings(redis, "l");
        list.addAll(List.of("a", "b", "a", "c", "a"));
        assertThat(list.remove(1)).isEqualTo("b");
        assertThat(list.remove("a")).isTrue();
        assertThat(list).containsExactly("a", "c", "a");
        assertThat(list.remove("zz")).isFalse();
        assertThatThrownBy(() -> list.remove(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(list.removeAll(List.of("a"))).isTrue();
        assertThat(list).containsExactly("c");
    }

    @Test
    void removingTheMiddleOfAListWithDuplicatesRemovesThatPositionOnly(UnifiedJedis redis) {
        RedisList<String> list = strings(redis, "l");
        list.addAll(List.of("x", "x", "x", "x"));
        list.set(2, "y");
        assertThat(list.remove(2)).isEqualTo("y");
        assertThat(list.remove(1)).isEqualTo("x");
        assertThat(list).containsExactly("x", "x");
    }

    @Test
    void searchUsesFirstAndLastPositions(UnifiedJedis redis) {
        RedisList<String> list = strings(redis, "l");
        list.addAll(Arrays.asList("a", "b", null, "a", "b"));
        assertThat(list.indexOf("b")).isEqualTo(1);
        assertThat(list.lastIndexOf("b")).isEqualTo(4);
        assertThat(list.indexOf(null)).isEqualTo(2);
        assertThat(list.indexOf("zz")).isEqualTo(-1);
        assertThat(list.lastIndexOf("zz")).isEqualTo(-1);
        assertThat(list.contains("a")).isTrue();
        assertThat(list.containsAll(List.of("a", "b"))).isTrue();
        assertThat(list.containsAll(Arrays.asList("a", "q"))).isFalse();
        assertThat(list.retainAll(List.of("a"))).isTrue();
        assertThat(list).containsExactly("a", "a");
    }

    @Test
    void subListIsALiveViewWhoseClearIsOneScript(UnifiedJedis redis) {
        RedisList<String> list = strings(redis, "l");
        list.addAll(List.of("a", "b", "c", "d", "e"));
        List<String> middle = list.subList(1, 4);
        assertThat(middle).containsExactly("b", "c", "d");
        middle.set(0, "B");
        assertThat(list.get(1)).isEqualTo("B");
        middle.add("x");
        assertThat(list).containsExactly("a", "B", "c", "d", "x", "e");
        assertThat(middle).hasSize(4);
        CommandStats stats = CommandStats.start(redis);
        middle.clear();
        assertThat(stats.delta()).containsEntry("evalsha", 1L);
        assertThat(list).containsExactly("a", "e");
        assertThat(middle).isEmpty();
        assertThatThrownBy(() -> list.subList(1, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void listIteratorWalksBothWaysAndEditsInPlace(UnifiedJedis redis) {
        RedisList<String> list = strings(redis, "l");
        List<String> expected = IntStream.range(0, 600).mapToObj(i -> "e" + i).collect(Collectors.toList());
        list.addAll(expected);
        ListIterator<String> it = list.listIterator();
        while (it.hasNext()) {
            String e = it.next();
            int i = Integer.parseInt(e.substring(1));
            if (i % 3 == 0) {
                it.remove();
            } else if (i % 3 == 1) {
                it.set(e.toUpperCase());
            } else {
                it.add("after" + i);
            }
        }
        List<String> local = new ArrayList<>(expected);
        ListIterator<String> reference = local.listIterator();
        while (reference.hasNext()) {
            String e = reference.next();
            int i = Integer.parseInt(e.substring(1));
            if (i % 3 == 0) {
                reference.remove();
            } else if (i % 3 == 1) {
                reference.set(e.toUpperCase());
            } else {
                reference.add("after" + i);
            }
        }
        assertThat(list.toList()).isEqualTo(local);
        List<String> backwards = new ArrayList<>();
        for (ListIterator<String> back = list.listIterator(list.size()); back.hasPrevious(); ) {
            backwards.add(0, back.previous());
        }
        assertThat(backwards).isEqualTo(local);
        assertThatThrownBy(() -> list.listIterator(local.size() + 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void iterationReadsPagesNotElements(UnifiedJedis redis) {
        RedisList<String> list = strings(redis, "l");
        list.addAll(IntStream.range(0, 1000).mapToObj(i -> "e" + i).toList());
        CommandStats stats = CommandStats.start(redis);
        int n = 0;
        for (String ignored : list) {
            n++;
        }
        assertThat(n).isEqualTo(1000);
        // 1000 elements in pages of 256: four full or partial pages, then one empty read that ends the walk.
        assertThat(stats.delta()).containsExactlyEntriesOf(Map.of("lrange", 5L));
    }

    @Test
    void sortRewritesTheListAtomically(UnifiedJedis redis) {
        RedisList<String> list = strings(redis, "l");
        list.addAll(List.of("pear", "apple", "fig"));
        list.sort(null);
        assertThat(redis.lrange("l", 0, -1)).containsExactly("\"apple\"", "\"fig\"", "\"pear\"");
        list.sort(Comparator.comparing(String::length).reversed());
        assertThat(list).containsExactly("apple", "pear", "fig");
        list.replaceAll(String::toUpperCase);
        assertThat(list).containsExactly("APPLE", "PEAR", "FIG");
    }

    @Test
    void sortStartsAgainWhenAnotherClientChangesTheListMeanwhile(RedisDeployment server, UnifiedJedis redis) {
        RedisList<String> list = strings(redis, "l");
        list.addAll(List.of("c", "a", "b"));
        AtomicBoolean interfered = new AtomicBoolean();
        try (UnifiedJedis other = server.newClient()) {
            list.sort((x, y) -> {
                if (interfered.compareAndSet(false, true)) {
                    other.rpush("l", "\"0\"");   // lands between our read and our rewrite
                }
                return x.compareTo(y);
            });
        }
        assertThat(list).as("the concurrent element survived and was sorted too").containsExactly("0", "a", "b", "c");
    }

    @Test
    void equalsIsTrueForTheSameKeyOtherwiseByContentsInOrder(UnifiedJedis redis) {
        RedisList<String> one = strings(redis, "l");
        one.addAll(List.of("a", "b"));
        CommandStats stats = CommandStats.start(redis);
        assertThat(one.equals(strings(redis, "l"))).isTrue();
        assertThat(stats.delta()).isEmpty();
        RedisList<String> other = strings(redis, "m");
        other.addAll(List.of("a", "b"));
        assertThat(one).isEqualTo(other).isEqualTo(List.of("a", "b")).hasSameHashCodeAs(List.of("a", "b"));
        assertThat(List.of("a", "b")).isEqualTo(one);
        assertThat(one).isNotEqualTo(List.of("b", "a")).isNotEqualTo(List.of("a")).isNotEqualTo(java.util.Set.of("a", "b"));
        assertThat(one.toString()).isEqualTo("[a, b]");
        assertThat(strings(redis, "empty").toString()).isEqualTo("[]");
    }

    @Test
    void creatingWithInitialDataOnAnExistingKeyThrowsKeyExists(UnifiedJedis redis) {
        RedisList<Object> list = new RedisList<>(redis, "l", List.of(1L, 2L));
        assertThat(list.toList()).containsExactly(1L, 2L);
        assertThatThrownBy(() -> new RedisList<>(redis, "l", List.of(3L))).isInstanceOf(KeyExistsException.class);
        assertThat(list.toList()).containsExactly(1L, 2L);
        try (RedisList<Object> temporary = new RedisList<>(redis, null, List.of("x"))) {
            assertThat(temporary.isTemporary()).isTrue();
            assertThat(redis.llen(temporary.key())).isEqualTo(1);
        }
    }

    @Test
    void aKeyHoldingAnotherTypeIsAClearError(UnifiedJedis redis) {
        redis.sadd("s", "1");
        RedisList<Object> list = new RedisList<>(redis, "s");
        assertThatThrownBy(() -> list.add(1L)).isInstanceOf(PotteryException.class)
                .hasMessageContaining("'s'").hasMessageContaining("list").hasMessageContaining("set");
        assertThatThrownBy(() -> list.set(0, 1L)).isInstanceOf(PotteryException.class).hasMessageContaining("set");
        assertThatThrownBy(list::clear).isInstanceOf(PotteryException.class).hasMessageContaining("set");
        assertThat(redis.smembers("s")).containsExactly("1");
    }

    @Test
    void singleElementOperationsAreOneRoundTripEach(UnifiedJedis redis) {
        RedisList<String> list = strings(redis, "l");
        list.addAll(List.of("a", "b", "c"));
        list.set(0, "a");       // load the scripts once
        list.add(1, "x");
        list.remove(1);
        CommandStats stats = CommandStats.start(redis);
        list.get(1);
        assertThat(stats.delta()).containsExactlyEntriesOf(Map.of("lindex", 1L));
        list.add("d");
        assertThat(stats.delta()).containsExactlyEntriesOf(Map.of("rpush", 1L));
        list.addAll(IntStream.range(0, 300).mapToObj(i -> "n" + i).toList());
        assertThat(stats.delta()).containsExactlyEntriesOf(Map.of("rpush", 1L));
        list.set(1, "B");
        assertThat(stats.delta()).containsExactlyInAnyOrderEntriesOf(Map.of("evalsha", 1L, "lindex", 1L, "lset", 1L));
        list.remove(1);
        assertThat(stats.delta()).containsExactlyInAnyOrderEntriesOf(
                Map.of("evalsha", 1L, "lindex", 1L, "lset", 1L, "lrem", 1L));
        list.indexOf("c");
        list.size();
        assertThat(stats.delta()).containsExactlyInAnyOrderEntriesOf(Map.of("lpos", 1L, "llen", 1L));
    }
}
