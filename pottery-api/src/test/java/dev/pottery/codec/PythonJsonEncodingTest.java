package dev.pottery.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The natural JSON codec writes what Python's {@code json.dumps(value, sort_keys=True)} writes. The
 * expected strings below are Python 3's output for the same values.
 */
class PythonJsonEncodingTest {

    private static String encode(Object value) {
        return new String(JsonCodec.natural().encode(value), StandardCharsets.US_ASCII);
    }

    @Test
    void scalarsAreWrittenAsPythonWritesThem() {
        assertThat(encode("music")).isEqualTo("\"music\"");
        assertThat(encode(true)).isEqualTo("true");
        assertThat(encode(false)).isEqualTo("false");
        assertThat(encode(null)).isEqualTo("null");
        assertThat(encode(42)).isEqualTo("42");
        assertThat(encode(-7L)).isEqualTo("-7");
        assertThat(encode(new BigInteger("123456789012345678901234567890"))).isEqualTo("123456789012345678901234567890");
        assertThat(encode('x')).isEqualTo("\"x\"");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "1.0|1.0",
        "0.1|0.1",
        "0.30000000000000004|0.30000000000000004",
        "100.0|100.0",
        "3.14|3.14",
        "-2.5|-2.5",
        "1e-05|1e-05",
        "0.0001|0.0001",
        "0.00012345|0.00012345",
        "1e16|1e+16",
        "1e15|1000000000000000.0",
        "1.5e300|1.5e+300",
        "1e22|1e+22",
        "123456789.0|123456789.0",
        "9007199254740993|9007199254740992.0",
        "12345678901234567890.0|1.2345678901234567e+19",
        "0.3333333333333333|0.3333333333333333",
        "5e-324|5e-324",
        "2.5e-310|2.5e-310",
        "1.7976931348623157e308|1.7976931348623157e+308",
        "1.5e-7|1.5e-07",
        "-1e100|-1e+100",
        "2e23|2e+23",
    })
    void floatsFollowPythonRepr(double value, String python) {
        assertThat(encode(value)).isEqualTo(python);
    }

    @Test
    void specialFloatsUsePythonsWords() {
        assertThat(encode(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(encode(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(encode(Double.NaN)).isEqualTo("NaN");
        assertThat(encode(-0.0)).isEqualTo("-0.0");
        assertThat(encode(0.0)).isEqualTo("0.0");
    }

    @Test
    void floatReprIsTheShortestStringThatReadsBack() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                continue;
            }
            String repr = PythonFloat.repr(value);
            assertThat(Double.parseDouble(repr)).as(repr).isEqualTo(value);
            String digits = repr.replaceFirst("^-", "").replaceFirst("e.*$", "").replace(".", "")
                    .replaceFirst("^0+", "").replaceFirst("0+$", "");
            assertThat(digits.length()).as(repr).isLessThanOrEqualTo(17);
        }
    }

    @Test
    void containersUsePythonSeparatorsAndSortedKeys() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("b", 1);
        map.put("a", Arrays.asList(true, null));
        assertThat(encode(map)).isEqualTo("{\"a\": [true, null], \"b\": 1}");
        assertThat(encode(List.of(1, 2))).isEqualTo("[1, 2]");
        assertThat(encode(List.of())).isEqualTo("[]");
        assertThat(encode(Map.of())).isEqualTo("{}");
        assertThat(encode(new Object[] {"x", 1.5})).isEqualTo("[\"x\", 1.5]");
        assertThat(encode(List.of(Map.of("k", List.of())))).isEqualTo("[{\"k\": []}]");
        assertThat(encode(new TreeSet<>(List.of(3, 1, 2)))).isEqualTo("[1, 2, 3]");
    }

    @Test
    void nonStringKeysAreSortedByValueThenWrittenAsStrings() {
        Map<Object, Object> numbers = new LinkedHashMap<>();
        numbers.put(10, "ten");
        numbers.put(9, "nine");
        numbers.put(1.5, "x");
        assertThat(encode(numbers)).isEqualTo("{\"1.5\": \"x\", \"9\": \"nine\", \"10\": \"ten\"}");
        assertThat(encode(Map.of(true, 1))).isEqualTo("{\"true\": 1}");
    }

    @Test
    void keysSortByCodePointNotByUtf16Unit() {
        Map<String, Object> map = new TreeMap<>();
        map.put("\uD83D\uDE00", 2); // U+1F600, stored as surrogates that String.compareTo puts first
        map.put("\uFFFF", 1);
        assertThat(encode(map)).isEqualTo("{\"\\uffff\": 1, \"\\ud83d\\ude00\": 2}");
    }

    @Test
    void stringsAreAsciiWithPythonsEscapes() {
        assertThat(encode("caf\u00e9")).isEqualTo("\"caf\\u00e9\"");
        assertThat(encode("\uD83D\uDE00")).isEqualTo("\"\\ud83d\\ude00\"");
        assertThat(encode("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(encode("\n\r\t\b\f")).isEqualTo("\"\\n\\r\\t\\b\\f\"");
        assertThat(encode("\u0001\u001f\u007f")).isEqualTo("\"\\u0001\\u001f\\u007f\"");
        assertThat(encode("/<>")).isEqualTo("\"/<>\"");
        assertThat(encode("\u4e2d\u6587")).isEqualTo("\"\\u4e2d\\u6587\"");
    }

    @Test
    void valuesPythonCannotStoreAreRefusedWithAReason() {
        assertThatThrownBy(() -> encode(new HashSet<>(List.of(1))))
                .isInstanceOf(CodecException.class).hasMessageContaining("set has no stable order");
        assertThatThrownBy(() -> encode(new java.math.BigDecimal("1.10")))
                .isInstanceOf(CodecException.class).hasMessageContaining("BigDecimal");
        assertThatThrownBy(() -> encode(new java.util.Date()))
                .isInstanceOf(CodecException.class).hasMessageContaining("JsonCodec.of(Date.class)");
        Map<Object, Object> mixed = new LinkedHashMap<>();
        mixed.put("a", 1);
        mixed.put(2, 3);
        assertThatThrownBy(() -> encode(mixed)).isInstanceOf(CodecException.class).hasMessageContaining("mix types");
    }

    @Test
    void equalValuesGiveEqualBytesWhateverTheMapOrder() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("x", 1);
        one.put("y", 2);
        Map<String, Object> two = new LinkedHashMap<>();
        two.put("y", 2);
        two.put("x", 1);
        assertThat(JsonCodec.natural().encode(one)).isEqualTo(JsonCodec.natural().encode(two));
        List<Object> list = new ArrayList<>(List.of(1, "a"));
        assertThat(JsonCodec.natural().encode(list)).isEqualTo(JsonCodec.natural().encode(List.of(1, "a")));
    }

    /**
     * Python writes a {@code None} key as {@code "null"}: {@code json.dumps({None: 1}, sort_keys=True)} is
     * {@code {"null": 1}}, while {@code {None: 1, 'a': 2}} cannot be sorted ({@code TypeError}).
     */
    @Test
    void aNullKeyIsWrittenAsPythonWritesNone() {
        Map<Object, Object> none = new java.util.HashMap<>();
        none.put(null, 1L);
        assertThat(encode(none)).isEqualTo("{\"null\": 1}");
        assertThat(JsonCodec.natural().decode(JsonCodec.natural().encode(none))).isEqualTo(Map.of("null", 1L));
        none.put("a", 2L);
        assertThatThrownBy(() -> encode(none)).isInstanceOf(CodecException.class)
                .hasMessageContaining("null key among other keys");
        Map<Object, Object> single = new java.util.HashMap<>();
        single.put(Double.NaN, 1L);
        assertThat(encode(single)).isEqualTo("{\"NaN\": 1}");
    }

    @Test
    void keysThatAreNotStringsNumbersBooleansOrNullAreRefusedByType() {
        assertThatThrownBy(() -> encode(Map.of(java.util.UUID.randomUUID(), 1)))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("java.util.UUID key");
    }
}

