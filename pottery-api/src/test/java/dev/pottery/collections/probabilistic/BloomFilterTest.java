package dev.pottery.collections.probabilistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pottery.KeyExistsException;
import dev.pottery.PotteryException;
import dev.pottery.codec.JsonCodec;
import dev.pottery.collections.CommandStats;
import dev.pottery.testing.RedisServers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

@RedisServers
class BloomFilterTest {

    @Test
    void sizesTheFilterAsPotteryDoes(UnifiedJedis redis) {
        assertThat(sizes(redis, 100, 0.1)).containsExactly(480L, 4L);
        assertThat(sizes(redis, 1000, 0.1)).containsExactly(4793L, 4L);
        assertThat(sizes(redis, 100, 0.01)).containsExactly(959L, 7L);
        assertThat(sizes(redis, 1000, 0.01)).containsExactly(9586L, 7L);
    }

    private static List<Long> sizes(UnifiedJedis redis, long n, double p) {
        BloomFilter<Object> filter = new BloomFilter<>(redis, "sizes", n, p);
        return List.of(filter.numBits(), (long) filter.numHashes());
    }

    @Test
    void hashesTheJsonTextIntoPotterysBitOffsets(UnifiedJedis redis) {
        BloomFilter<Object> filter = new BloomFilter<>(redis, "dilberts", 100, 0.01);
        assertThat(filter.bitOffsets("rajiv")).containsExactly(183, 319, 787, 585, 8, 471, 711);
        assertThat(filter.bitOffsets("raj")).containsExactly(482, 875, 725, 667, 109, 714, 595);
        assertThat(filter.bitOffsets("dan")).containsExactly(687, 925, 954, 707, 615, 914, 620);
        assertThat(filter.bitOffsets(1L)).containsExactly(547, 122, 87, 450, 77, 910, 717);
    }

    @Test
    void noneIsAnElementHashedAsPythonHashesIt(UnifiedJedis redis) {
        BloomFilter<Object> filter = new BloomFilter<>(redis, "nones", 100, 0.01);
        BloomFilter<String> python = BloomFilter.builder(redis, 100, 0.01)
                .codec(dev.pottery.codec.StringCodec.utf8()).key("nones").build();
        assertThat(filter.bitOffsets(null)).containsExactly(python.bitOffsets("null"));
        assertThat(filter.mightContain(null)).isFalse();
        python.add("null"); // what Python's add(None) sets
        assertThat(filter.mightContain(null)).isTrue();
    }

    @Test
    void theVectorsNeedTheQuotedJsonTextNotTheBareString(UnifiedJedis redis) {
        // the same filter over the raw UTF-8 of the string gives other offsets: the JSON quotes matter
        BloomFilter<String> bare = BloomFilter.builder(redis, 100, 0.01)
                .codec(dev.pottery.codec.StringCodec.utf8()).key("bare").build();
        assertThat(bare.bitOffsets("rajiv")).doesNotContain(183, 319, 787);
    }

    @Test
    void addSetsExactlyThoseBitsInTheRedisString(UnifiedJedis redis) {
        BloomFilter<Object> filter = new BloomFilter<>(redis, "dilberts", 100, 0.01);
        assertThat(filter.add("rajiv")).isTrue();
        for (long offset : new long[] {183, 319, 787, 585, 8, 471, 711}) {
            assertThat(redis.getbit("dilberts", offset)).as("bit %d", offset).isTrue();
        }
        assertThat(redis.bitcount("dilberts")).isEqualTo(7);
        // SETBIT layout: bit 8 is the most significant bit of the second byte; the string ends at bit 787
        byte[] raw = redis.get("dilberts".getBytes(StandardCharsets.UTF_8));
        assertThat(raw).hasSize(787 / 8 + 1);
        assertThat(raw[1] & 0xff).isEqualTo(0x80);
        assertThat(redis.type("dilberts")).isEqualTo("string");
    }

    @Test
    void addReportsWhetherAnyBitChanged(UnifiedJedis redis) {
        BloomFilter<Object> filter = new BloomFilter<>(redis, "changes", 100, 0.01);
        assertThat(filter.add("rajiv")).isTrue();
        assertThat(filter.add("rajiv")).isFalse();
    }

    @Test
    void mightContainIsTrueForAddedAndFalseForOthersAsInPotterysDoctest(UnifiedJedis redis) {
        BloomFilter<Object> dilberts = new BloomFilter<>(redis, "dilberts", 100, 0.01);
        assertThat(dilberts.mightContain("rajiv")).isFalse();
        dilberts.add("rajiv");
        assertThat(dilberts.mightContain("rajiv")).isTrue();
        assertThat(dilberts.approximateSize()).isEqualTo(1);
        dilberts.addAll(List.of("raj", "dan"));
        assertThat(dilberts.mightContain("raj")).isTrue();
        assertThat(dilberts.mightContain("dan")).isTrue();
        assertThat(dilberts.mightContain("luis")).isFalse();
        assertThat(dilberts.approximateSize()).isEqualTo(3);
        dilberts.clear();
        assertThat(dilberts.approximateSize()).isZero();
        assertThat(dilberts.mightContain("rajiv")).isFalse();
    }

    @Test
    void hasNoFalseNegativesAndRoughlyTheConfiguredFalsePositiveRate(UnifiedJedis redis) {
        BloomFilter<Object> filter = new BloomFilter<>(redis, "uuids", 5000, 0.01);
        List<Object> added = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            added.add(UUID.randomUUID().toString());
        }
        filter.addAll(added);
        for (Object e : added) {
            assertThat(filter.mightContain(e)).isTrue();
        }
        int falsePositives = 0;
        for (int i = 0; i < 5000; i++) {
            if (filter.mightContain(UUID.randomUUID().toString())) {
                falsePositives++;
            }
        }
        // pottery's own test bound: at most twice the configured rate
        assertThat(falsePositives).isLessThanOrEqualTo(100);
        assertThat(filter.approximateSize()).isBetween(4500L, 5500L);
    }

    @Test
    void addAllIsOneBitfieldAndMightContainOneReadOnlyBitfield(UnifiedJedis redis) {
        BloomFilter<Object> filter = new BloomFilter<>(redis, "costs", 1000, 0.01);
        assertThat(CommandStats.of(redis, () -> filter.addAll(List.of("a", "b", "c", "d"))))
                .isEqualTo(Map.of("bitfield", 1L));
        assertThat(CommandStats.of(redis, () -> filter.add("e"))).isEqualTo(Map.of("bitfield", 1L));
        assertThat(CommandStats.of(redis, () -> filter.mightContain("a")))
                .isEqualTo(Map.of("bitfield_ro", 1L));
        assertThat(CommandStats.of(redis, filter::approximateSize)).isEqualTo(Map.of("bitcount", 1L));
    }

    @Test
    void createWithInitialDataRefusesAnExistingKey(UnifiedJedis redis) {
        BloomFilter<Object> created = new BloomFilter<>(redis, "fresh", 100, 0.01, List.of("rajiv", "raj"));
        assertThat(created.mightContain("raj")).isTrue();
        assertThat(redis.bitcount("fresh")).isEqualTo(14);
        assertThatThrownBy(() -> new BloomFilter<>(redis, "fresh", 100, 0.01, List.of("dan")))
                .isInstanceOf(KeyExistsException.class).hasMessageContaining("fresh");
        assertThat(created.mightContain("dan")).isFalse();
    }

    @Test
    void rejectsSizesThatMakeNoSense(UnifiedJedis redis) {
        assertThatThrownBy(() -> new BloomFilter<>(redis, "bad", 0, 0.01))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expectedElements");
        assertThatThrownBy(() -> new BloomFilter<>(redis, "bad", 10, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("falsePositiveRate");
    }

    @Test
    void aValueTheCodecCannotEncodeIsAnIllegalArgument(UnifiedJedis redis) {
        BloomFilter<Object> filter = new BloomFilter<>(redis, "bad", 100, 0.01);
        assertThatThrownBy(() -> filter.add(new Object()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Object");
    }

    @Test
    void aKeyOfAnotherTypeIsNamedInTheError(UnifiedJedis redis) {
        redis.rpush("list", "x");
        BloomFilter<Object> filter = new BloomFilter<>(redis, "list", 100, 0.01);
        assertThatThrownBy(() -> filter.add("rajiv"))
                .isInstanceOf(PotteryException.class).hasMessageContaining("'list'").hasMessageContaining("holds a list");
    }

    @Test
    void typedCodecsHashTheSameJsonAsTheNaturalOne(UnifiedJedis redis) {
        BloomFilter<String> typed = BloomFilter.builder(redis, 100, 0.01).codec(JsonCodec.of(String.class))
                .key("typed").build();
        assertThat(typed.bitOffsets("rajiv")).containsExactly(183, 319, 787, 585, 8, 471, 711);
    }

    @Test
    void closeDeletesARandomKey(UnifiedJedis redis) {
        BloomFilter<Object> filter = new BloomFilter<>(redis, 100, 0.01);
        filter.add("x");
        assertThat(redis.exists(filter.key())).isTrue();
        filter.close();
        assertThat(redis.exists(filter.key())).isFalse();
    }
}
