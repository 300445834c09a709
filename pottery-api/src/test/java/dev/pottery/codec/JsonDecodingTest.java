package dev.pottery.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonDecodingTest {

    private static Object decode(String json) {
        return JsonCodec.natural().decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void pythonTextDecodesToNaturalJavaTypes() {
        assertThat(decode("\"music\"")).isEqualTo("music");
        assertThat(decode("true")).isEqualTo(Boolean.TRUE);
        assertThat(decode("null")).isNull();
        assertThat(decode("42")).isEqualTo(42L);
        assertThat(decode("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(decode("123456789012345678901234567890")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(decode("1.0")).isEqualTo(1.0);
        assertThat(decode("1e-05")).isEqualTo(1e-05);
        assertThat(decode("\"caf\\u00e9 \\ud83d\\ude00\"")).isEqualTo("caf\u00e9 \uD83D\uDE00");
    }

    @Test
    void pythonsNonStandardFloatWordsAreAccepted() {
        assertThat(decode("NaN")).isEqualTo(Double.NaN);
        assertThat(decode("Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(decode("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void containersDecodeToListsAndOrderedMaps() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", Arrays.asList(true, null));
        expected.put("b", 1L);
        assertThat(decode("{\"a\": [true, null], \"b\": 1}")).isEqualTo(expected);
        assertThat(decode("[1, \"a\", [2.5]]")).isEqualTo(List.of(1L, "a", List.of(2.5)));
    }

    @Test
    void everyNaturalValueSurvivesARoundTrip() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("list", List.of(1L, 2.5, "x", false));
        nested.put("map", Map.of("k", "v"));
        nested.put("none", null);
        nested.put("big", new BigInteger("99999999999999999999"));
        for (Object value : Arrays.asList("s", 1L, -0.5, true, null, nested, List.of(), "\u0000\u00ff\uffff")) {
            JsonCodec<Object> codec = JsonCodec.natural();
            assertThat(codec.decode(codec.encode(value))).isEqualTo(value);
        }
    }

    @Test
    void garbageBytesGiveAClearErrorNamingTheKey() {
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JsonCodec.natural().decode(garbage, "users:1"))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("users:1")
                .hasMessageContaining("{not json")
                .satisfies(e -> assertThat(((CodecException) e).key()).contains("users:1"));
        assertThatThrownBy(() -> decode("1 2")).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> decode("")).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> JsonCodec.natural().decode(new byte[] {(byte) 0xff, (byte) 0xfe}, "k"))
                .isInstanceOf(CodecException.class).hasMessageContaining("\\xff");
    }

    /**
     * Python writes these without complaint (3.11: {@code json.dumps('k' * 100_000)} as a key,
     * {@code json.dumps('x' * 25_000_000)}, {@code json.dumps(10**2000)} and ints up to 4,300 digits,
     * 990 nested lists); Jackson's default read limits (50,000-character names, 20 million-character
     * strings, 1,000-digit numbers) refused them.
     */
    @Test
    void readsTheLongKeysStringsAndIntegersPythonWrites() {
        String longKey = "k".repeat(100_000);
        Map<String, Object> keyed = new LinkedHashMap<>();
        keyed.put(longKey, 1L);
        assertThat(decode("{\"" + longKey + "\": 1}")).isEqualTo(keyed);
        String python = "1" + "0".repeat(2000);
        assertThat(decode(python)).isEqualTo(BigInteger.TEN.pow(2000));
        String widest = "-" + "9".repeat(4300);
        assertThat(decode(widest)).isEqualTo(new BigInteger(widest));
        assertThat(JsonCodec.of(BigInteger.class).decode(widest.getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(new BigInteger(widest));
        String nested = "[".repeat(990) + "]".repeat(990);
        JsonCodec<Object> codec = JsonCodec.natural();
        assertThat(new String(codec.encode(decode(nested)), StandardCharsets.US_ASCII)).isEqualTo(nested);
    }

    @Test
    void readsAStringOfTwentyFiveMillionCharacters() {
        byte[] python = ("\"" + "x".repeat(25_000_000) + "\"").getBytes(StandardCharsets.US_ASCII);
        assertThat(decode(new String(python, StandardCharsets.US_ASCII))).asString().hasSize(25_000_000);
        assertThat(JsonCodec.of(String.class).decode(python)).hasSize(25_000_000);
    }

    /**
     * Python's {@code json.dumps({'\udc00': 1})} (a key from {@code surrogateescape} text, e.g. a file
     * name) is {@code {"\udc00": 1}}; Jackson's byte parser refused the lone surrogate in a key, though
     * not in a string value.
     */
    @Test
    void readsALoneSurrogateEscapeInAnObjectKey() {
        String python = "{\"a\\ud800b\": [\"\\udfff\"], \"\\udc00\": 1}";
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a\ud800b", List.of("\udfff"));
        expected.put("\udc00", 1L);
        assertThat(decode(python)).isEqualTo(expected);
        assertThat(new String(JsonCodec.natural().encode(decode(python)), StandardCharsets.US_ASCII))
                .isEqualTo(python);
        assertThat(JsonCodec.of(Map.class).decode(python.getBytes(StandardCharsets.US_ASCII)).keySet())
                .isEqualTo(expected.keySet());
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNamingTheKey() {
        byte[] latin1 = "\"caf\u00e9\"".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> JsonCodec.natural().decode(latin1, "menu:1"))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("not UTF-8")
                .hasMessageContaining("menu:1");
    }
}
