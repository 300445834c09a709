package dev.pottery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Murmur3Test {

    private static int hash(String text, int seed) {
        return Murmur3.hash32(text.getBytes(StandardCharsets.UTF_8), seed);
    }

    @Test
    void matchesThePublishedReferenceValues() {
        // values of MurmurHash3_x86_32 from the reference implementation's test vectors (and mmh3.hash)
        assertThat(hash("", 0)).isZero();
        assertThat(hash("", 1)).isEqualTo(0x514E28B7);
        assertThat(hash("", 0xffffffff)).isEqualTo(0x81F16F39);
        assertThat(Murmur3.hash32(new byte[] {0, 0, 0, 0}, 0)).isEqualTo(0x2362F9DE);
        assertThat(hash("aaaa", 0x9747b28c)).isEqualTo(0x5A97808A);
        assertThat(hash("abc", 0)).isEqualTo(0xB3DD93FA);
        assertThat(hash("Hello, world!", 0x9747b28c)).isEqualTo(0x24884CBA);
        assertThat(hash("The quick brown fox jumps over the lazy dog", 0x9747b28c)).isEqualTo(0x2FA826CD);
    }

    @Test
    void coversEveryTailLength() {
        assertThat(hash("a", 0x9747b28c)).isEqualTo(0x7FA09EA6);
        assertThat(hash("aa", 0x9747b28c)).isEqualTo(0x5D211726);
        assertThat(hash("aaa", 0x9747b28c)).isEqualTo(0x283E0130);
    }

    @Test
    void returnsTheSignedValueAsPythonsMmh3Does() {
        // mmh3.hash('foo') == -156908512
        assertThat(hash("foo", 0)).isEqualTo(-156908512);
    }
}
