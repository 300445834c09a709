package dev.pottery.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Java reads what Python wrote and writes it back byte for byte: {@code python-values.txt} holds
 * 2,000 seeded random values (None, booleans, ints up to 2^100, floats of any bit pattern, strings
 * with escapes and characters beyond the BMP, nested lists and dicts) as Python 3.11's
 * {@code json.dumps(v, sort_keys=True)}, made by {@code make_python_tables.py} beside it.
 */
class PythonJsonValuesTest {

    private static String encode(Object value) {
        return new String(JsonCodec.natural().encode(value), StandardCharsets.US_ASCII);
    }

    private static List<String> values() throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                PythonJsonValuesTest.class.getResourceAsStream("python-values.txt"), StandardCharsets.US_ASCII))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.startsWith("#")) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    @Test
    void everyValuePythonWroteIsReadAndWrittenBackWithTheSameBytes() throws IOException {
        List<String> lines = values();
        assertThat(lines).hasSize(2_000);
        List<String> wrong = new ArrayList<>();
        for (String python : lines) {
            Object decoded = JsonCodec.natural().decode(python.getBytes(StandardCharsets.US_ASCII));
            String java = encode(decoded);
            if (!java.equals(python)) {
                wrong.add("Python " + python + "\n  Java " + java);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void objectArraysMayHoldNullsAsListsDo() {
        assertThat(encode(new Object[] {1L, null})).isEqualTo("[1, null]").isEqualTo(encode(Arrays.asList(1L, null)));
        assertThat(encode(new Object[] {null})).isEqualTo("[null]");
        assertThat(encode(new Object[][] {{"a", null}, {}})).isEqualTo("[[\"a\", null], []]");
    }

    @Test
    void primitiveArraysAreJsonArraysButBytesAndCharsHaveNoJsonForm() {
        assertThat(encode(new int[] {1, -2})).isEqualTo("[1, -2]");
        assertThat(encode(new long[] {Long.MIN_VALUE})).isEqualTo("[-9223372036854775808]");
        assertThat(encode(new double[] {0.5, Math.pow(2, -24)})).isEqualTo("[0.5, 5.960464477539063e-08]");
        assertThat(encode(new boolean[] {true})).isEqualTo("[true]");
        assertThatThrownBy(() -> encode(new byte[] {1})).isInstanceOf(CodecException.class).hasMessageContaining("byte[]");
        assertThatThrownBy(() -> encode(new char[] {'a'})).isInstanceOf(CodecException.class).hasMessageContaining("char[]");
    }

    @Test
    void integersBeyondLongDecodeToBigIntegerAndBack() {
        String big = "1180591620717411303424"; // 2**70
        Object decoded = JsonCodec.natural().decode(big.getBytes(StandardCharsets.US_ASCII));
        assertThat(decoded).isEqualTo(new BigInteger(big));
        assertThat(encode(decoded)).isEqualTo(big);
    }
}
