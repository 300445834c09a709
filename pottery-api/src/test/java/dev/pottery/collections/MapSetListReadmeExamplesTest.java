package dev.pottery.collections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.collections.list.RedisList;
import dev.pottery.collections.map.RedisMap;
import dev.pottery.collections.set.RedisSet;
import dev.pottery.testing.RedisServers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** Python pottery's README examples for dicts, sets and lists, in Java (also shown in the README section). */
@RedisServers
class MapSetListReadmeExamplesTest {

    @Test
    void dictExample(UnifiedJedis redis) {
        Map<String, Long> initial = new LinkedHashMap<>();
        initial.put("jack", 4098L);
        initial.put("sape", 4139L);
        RedisMap<String, Long> tel = new RedisMap<>(redis, "tel", initial);
        tel.put("guido", 4127L);
        assertThat(tel.toMap()).containsExactly(Map.entry("jack", 4098L), Map.entry("sape", 4139L),
                Map.entry("guido", 4127L));
        assertThat(tel.get("jack")).isEqualTo(4098L);
        tel.remove("sape");
        tel.put("irv", 4127L);
        assertThat(tel.toString()).isEqualTo("{jack=4098, guido=4127, irv=4127}");
        assertThat(new ArrayList<>(tel.keySet())).containsExactly("jack", "guido", "irv");
        assertThat(new TreeSet<>(tel.keySet())).containsExactly("guido", "irv", "jack");
        assertThat(tel.containsKey("guido")).isTrue();
        assertThat(!tel.containsKey("jack")).isFalse();
        // Python wrote the same bytes: HGET tel '"jack"' is 4098.
        assertThat(redis.hget("tel", "\"jack\"")).isEqualTo("4098");
    }

    @Test
    void setExample(UnifiedJedis redis) {
        RedisSet<Object> basket = new RedisSet<>(redis, "basket",
                List.of("apple", "orange", "apple", "pear", "orange", "banana"));
        assertThat(new TreeSet<>(basket.toSet().stream().map(String::valueOf).toList()))
                .containsExactly("apple", "banana", "orange", "pear");
        assertThat(basket.contains("orange")).isTrue();
        assertThat(basket.contains("crabgrass")).isFalse();

        RedisSet<Object> a = new RedisSet<>(redis, "magic", letters("abracadabra"));
        Set<Object> b = Set.copyOf(letters("alacazam"));
        assertThat(sorted(a.toSet())).isEqualTo("abcdr");
        assertThat(sorted(a.difference(b))).isEqualTo("bdr");
        assertThat(sorted(a.union(b))).isEqualTo("abcdlmrz");
        assertThat(sorted(a.intersection(b))).isEqualTo("ac");
        Set<Object> symmetric = a.union(b);
        symmetric.removeAll(a.intersection(b));
        assertThat(sorted(symmetric)).isEqualTo("bdlmrz");
    }

    @Test
    void listExample(UnifiedJedis redis) {
        RedisList<Object> squares = new RedisList<>(redis, "squares", List.of(1L, 4L, 9L, 16L, 25L));
        assertThat(squares.toString()).isEqualTo("[1, 4, 9, 16, 25]");
        assertThat(squares.get(0)).isEqualTo(1L);
        assertThat(squares.get(squares.size() - 1)).isEqualTo(25L);
        assertThat(squares.subList(2, 5)).containsExactly(9L, 16L, 25L);
        assertThat(squares.toList()).containsExactly(1L, 4L, 9L, 16L, 25L);
        squares.addAll(List.of(36L, 49L, 64L, 81L, 100L));
        assertThat(squares.toString()).isEqualTo("[1, 4, 9, 16, 25, 36, 49, 64, 81, 100]");
        assertThat(redis.lrange("squares", 0, 2)).containsExactly("1", "4", "9");
    }

    private static List<Object> letters(String word) {
        return word.chars().mapToObj(c -> (Object) String.valueOf((char) c)).toList();
    }

    private static String sorted(Set<Object> letters) {
        return letters.stream().map(String::valueOf).sorted().collect(Collectors.joining());
    }
}
