package dev.pottery.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TextCodecTest {

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void scalarsAreTheirPlainTextAndReadBack() {
        assertThat(text(TextCodec.of(Long.class).encode(-9_223_372_036_854_775_808L))).isEqualTo("-9223372036854775808");
        assertThat(text(TextCodec.of(Integer.class).encode(42))).isEqualTo("42");
        assertThat(text(TextCodec.of(Boolean.class).encode(true))).isEqualTo("true");
        assertThat(text(TextCodec.of(BigInteger.class).encode(BigInteger.TWO.pow(70))))
                .isEqualTo("1180591620717411303424");
        UUID id = UUID.randomUUID();
        assertThat(TextCodec.of(UUID.class).decode(TextCodec.of(UUID.class).encode(id))).isEqualTo(id);
        assertThat(TextCodec.of(Short.class).decode(bytes("-32768"))).isEqualTo((short) -32768);
        assertThat(TextCodec.of(Byte.class).decode(bytes("127"))).isEqualTo((byte) 127);
    }

    @Test
    void doublesAndFloatsKeepEveryBitIncludingTheSpecialValues() {
        TextCodec<Double> doubles = TextCodec.of(Double.class);
        for (double d : new double[] {0.1, -0.0, 0.0, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e22, Math.ulp(1.0)}) {
            assertThat(Double.doubleToRawLongBits(doubles.decode(doubles.encode(d))))
                    .as("%s", d).isEqualTo(Double.doubleToRawLongBits(d == d ? d : Double.NaN));
        }
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (!Double.isNaN(d)) {
                assertThat(doubles.decode(doubles.encode(d))).isEqualTo(d);
            }
        }
        assertThat(doubles.decode(bytes("1.5e300"))).isEqualTo(1.5e300);   // as another program may write it
        TextCodec<Float> floats = TextCodec.of(Float.class);
        assertThat(floats.decode(floats.encode(0.1f))).isEqualTo(0.1f);
    }

    @Test
    void aBigDecimalKeepsItsScaleAsEqualsDoes() {
        TextCodec<BigDecimal> codec = TextCodec.of(BigDecimal.class);
        assertThat(text(codec.encode(new BigDecimal("1.0")))).isEqualTo("1.0");
        assertThat(text(codec.encode(new BigDecimal("1.00")))).isEqualTo("1.00");
        assertThat(codec.decode(bytes("1.00"))).isEqualTo(new BigDecimal("1.00")).isNotEqualTo(new BigDecimal("1.0"));
    }

    @Test
    void onlyTheCanonicalTextOfAValueDecodes() {
        for (String junk : List.of("", " 1", "1 ", "+1", "01", "1.0", "1e3", "0x10", "9223372036854775808", "one")) {
            assertThatThrownBy(() -> TextCodec.of(Long.class).decode(bytes(junk), "counts"))
                    .as("'%s'", junk).isInstanceOf(CodecException.class).hasMessageContaining("counts");
        }
        assertThatThrownBy(() -> TextCodec.of(Boolean.class).decode(bytes("TRUE"))).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> TextCodec.of(Double.class).decode(bytes(" 1.0"))).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> TextCodec.of(Double.class).decode(bytes("1.0d"))).isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> TextCodec.of(UUID.class).decode(bytes("1-2-3-4-5"))).isInstanceOf(CodecException.class);
    }

    @Test
    void encodingAnotherTypeAndUnsupportedTypesAreRefused() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        TextCodec<Object> longs = (TextCodec) TextCodec.of(Long.class);
        assertThatThrownBy(() -> longs.encode(1)).isInstanceOf(CodecException.class).hasMessageContaining("Integer");
        assertThatThrownBy(() -> TextCodec.of(String.class)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TextCodec.supports(Long.class)).isTrue();
        assertThat(TextCodec.supports(List.class)).isFalse();
    }
}
