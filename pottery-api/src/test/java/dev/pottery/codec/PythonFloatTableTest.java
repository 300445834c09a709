package dev.pottery.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Floats are written byte for byte as Python writes them. {@code python-floats.tsv} holds Python
 * 3.11's {@code json.dumps(x, sort_keys=True)} of 9,572 doubles (every power of two with both
 * neighbours, subnormals, powers of ten with their neighbours, integers near 2^53, random bit
 * patterns and decimal-looking values), made by {@code make_python_tables.py} beside it.
 */
public class PythonFloatTableTest {

    /** One row: the double's bits and what Python wrote. */
    public record Row(long bits, String python) {
        public double value() {
            return Double.longBitsToDouble(bits);
        }
    }

    /** Every row of {@code python-floats.tsv}. */
    public static List<Row> table() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                PythonFloatTableTest.class.getResourceAsStream("python-floats.tsv"), StandardCharsets.US_ASCII))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.startsWith("#")) {
                    int tab = line.indexOf('\t');
                    rows.add(new Row(Long.parseUnsignedLong(line.substring(0, tab), 16), line.substring(tab + 1)));
                }
            }
        }
        return rows;
    }

    @Test
    void everyDoubleInPythonsTableIsWrittenWithPythonsBytes() throws IOException {
        List<Row> rows = table();
        assertThat(rows).hasSizeGreaterThan(5_000);
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            String java = new String(JsonCodec.natural().encode(row.value()), StandardCharsets.US_ASCII);
            if (!java.equals(row.python())) {
                wrong.add(Long.toHexString(row.bits()) + ": Python " + row.python() + ", Java " + java);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void pythonsBytesDecodeToTheSameDouble() throws IOException {
        for (Row row : table()) {
            Object decoded = JsonCodec.natural().decode(row.python().getBytes(StandardCharsets.US_ASCII));
            assertThat(Double.doubleToRawLongBits((Double) decoded)).as(row.python())
                    .isEqualTo(Double.isNaN(row.value()) ? Double.doubleToRawLongBits(Double.NaN) : row.bits());
        }
    }

    @Test
    void theKnownCasesWhereSeventeenDigitsAreNotPythons() {
        assertThat(PythonFloat.repr(Math.pow(2, -24))).isEqualTo("5.960464477539063e-08");
        assertThat(PythonFloat.repr(Double.MIN_VALUE)).isEqualTo("5e-324");
        assertThat(PythonFloat.repr(2 * Double.MIN_VALUE)).isEqualTo("1e-323");
        assertThat(PythonFloat.repr(1e23)).isEqualTo("1e+23");
        assertThat(PythonFloat.repr(Math.pow(2, 63))).isEqualTo("9.223372036854776e+18");
    }

    /**
     * Beyond the table, Python's rule itself on 100,000 seeded random doubles: the text reads back as
     * the double; no decimal with one digit fewer does; and no other decimal of the same length that
     * reads back is nearer to the double's exact value.
     */
    @Test
    void randomDoublesGetTheShortestNearestDecimal() {
        Random random = new Random(1202);
        for (int i = 0; i < 100_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(value) || value == 0) {
                continue;
            }
            String repr = PythonFloat.repr(value);
            assertThat(Double.parseDouble(repr)).as(repr).isEqualTo(value);
            BigDecimal text = new BigDecimal(repr).abs();
            BigDecimal exact = new BigDecimal(value).abs();
            int length = text.stripTrailingZeros().precision();
            if (length > 1) {
                for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                    BigDecimal shorter = exact.round(new MathContext(length - 1, mode));
                    assertThat(shorter.doubleValue()).as("%s shorter than %s", shorter, repr).isNotEqualTo(Math.abs(value));
                }
            }
            BigDecimal ulp = text.stripTrailingZeros().ulp();
            for (BigDecimal other : new BigDecimal[] {text.add(ulp), text.subtract(ulp)}) {
                if (other.doubleValue() == Math.abs(value)) {
                    assertThat(other.subtract(exact).abs()).as("%s nearer than %s", other, repr)
                            .isGreaterThanOrEqualTo(text.subtract(exact).abs());
                }
            }
        }
    }
}
