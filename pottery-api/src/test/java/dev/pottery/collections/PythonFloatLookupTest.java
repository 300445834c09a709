package dev.pottery.collections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.codec.BytesCodec;
import dev.pottery.codec.PythonFloatTableTest.Row;
import dev.pottery.codec.PythonFloatTableTest;
import dev.pottery.collections.list.RedisList;
import dev.pottery.collections.map.RedisMap;
import dev.pottery.collections.probabilistic.BloomFilter;
import dev.pottery.collections.set.RedisSet;
import dev.pottery.testing.RedisServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * Redis matches members, fields and elements by their bytes, so a float Python stored is found by Java
 * only when Java writes the very same bytes. Each test stores Python's bytes for 400 doubles drawn (with
 * a fixed seed) from {@code python-floats.tsv}, always including {@code 2**-24}, whose nearest
 * 17-digit form ({@code 5.9604644775390625e-08}) is not Python's ({@code 5.960464477539063e-08}), and
 * asks the Java structure for each double.
 */
@RedisServers
class PythonFloatLookupTest {

    private static List<Row> sample() throws IOException {
        List<Row> rows = new ArrayList<>(PythonFloatTableTest.table());
        rows.removeIf(row -> Double.isNaN(row.value())); // NaN equals nothing, in Java as in Python
        Collections.shuffle(rows, new Random(12));
        List<Row> sample = new ArrayList<>(rows.subList(0, 399));
        sample.add(new Row(Double.doubleToRawLongBits(Math.pow(2, -24)), "5.960464477539063e-08"));
        return sample;
    }

    private static byte[] bytes(Row row) {
        return row.python().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aSetFindsEveryFloatPythonAdded(UnifiedJedis redis) throws IOException {
        List<Row> rows = sample();
        for (Row row : rows) {
            redis.sadd("floats".getBytes(StandardCharsets.UTF_8), bytes(row));
        }
        RedisSet<Object> set = new RedisSet<>(redis, "floats");
        List<String> missed = new ArrayList<>();
        for (Row row : rows) {
            if (!set.contains(row.value()) || set.add(row.value())) {
                missed.add(row.python());
            }
        }
        assertThat(missed).isEmpty();
        assertThat(set.size()).isEqualTo(rows.size());
    }

    @Test
    void aMapFindsEveryFieldPythonSetAndJavaWritesPythonsBytes(UnifiedJedis redis) throws IOException {
        List<Row> rows = sample();
        for (Row row : rows) {
            redis.hset("by-float".getBytes(StandardCharsets.UTF_8), bytes(row), bytes(row));
        }
        RedisMap<Object, Object> map = new RedisMap<>(redis, "by-float");
        for (Row row : rows) {
            assertThat(map.get(row.value())).as(row.python()).isEqualTo(row.value());
        }
        RedisMap<Object, Object> written = new RedisMap<>(redis, "written");
        for (Row row : rows) {
            written.fastPut(row.value(), List.of(row.value()));
            assertThat(redis.hget("written".getBytes(StandardCharsets.UTF_8), bytes(row))).as(row.python())
                    .isEqualTo(("[" + row.python() + "]").getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aListFindsTheIndexOfEveryFloatPythonAppended(UnifiedJedis redis) throws IOException {
        List<Row> rows = sample();
        for (Row row : rows) {
            redis.rpush("list".getBytes(StandardCharsets.UTF_8), bytes(row));
        }
        RedisList<Object> list = new RedisList<>(redis, "list");
        for (int i = 0; i < rows.size(); i++) {
            assertThat(list.indexOf(rows.get(i).value())).as(rows.get(i).python()).isEqualTo(i);
        }
    }

    @Test
    void aBloomFilterHasNoFalseNegativeForFloatsPythonAdded(UnifiedJedis redis) throws IOException {
        List<Row> rows = sample();
        // Python hashes its JSON text: adding Python's bytes raw sets exactly the bits Python sets
        BloomFilter<byte[]> python = BloomFilter.builder(redis, 1000, 0.01).key("seen").codec(BytesCodec.raw()).build();
        rows.forEach(row -> python.add(bytes(row)));
        BloomFilter<Object> java = new BloomFilter<>(redis, "seen", 1000, 0.01);
        for (Row row : rows) {
            assertThat(java.mightContain(row.value())).as(row.python()).isTrue();
        }
    }
}
