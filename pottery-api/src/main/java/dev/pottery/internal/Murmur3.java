package dev.pottery.internal;

/**
 * MurmurHash3, the x86 32-bit variant (Austin Appleby's public-domain {@code MurmurHash3_x86_32}), as
 * Python's {@code mmh3.hash} computes it: the result is the 32-bit hash read as a <em>signed</em> int.
 * Python pottery's Bloom filter derives its bit offsets from it, so ours must agree bit for bit.
 *
 * <pre>{@code
 * int h = Murmur3.hash32("\"rajiv\"".getBytes(StandardCharsets.UTF_8), 0);
 * long offset = Math.floorMod(h, 959L);   // Python's h % 959, never negative
 * }</pre>
 */
public final class Murmur3 {

    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private Murmur3() {
    }

    /** The signed 32-bit MurmurHash3 (x86) of {@code data} with the given seed. */
    public static int hash32(byte[] data, int seed) {
        int h = seed;
        int blocks = data.length / 4;
        for (int i = 0; i < blocks; i++) {
            int at = i * 4;
            // blocks are read little-endian, whatever the platform
            int k = (data[at] & 0xff) | (data[at + 1] & 0xff) << 8 | (data[at + 2] & 0xff) << 16
                    | (data[at + 3] & 0xff) << 24;
            h ^= mixK(k);
            h = Integer.rotateLeft(h, 13);
            h = h * 5 + 0xe6546b64;
        }
        int tail = blocks * 4;
        int remaining = data.length & 3;
        if (remaining > 0) {
            int k = 0;
            if (remaining == 3) {
                k ^= (data[tail + 2] & 0xff) << 16;
            }
            if (remaining >= 2) {
                k ^= (data[tail + 1] & 0xff) << 8;
            }
            k ^= data[tail] & 0xff;
            h ^= mixK(k);
        }
        h ^= data.length;
        return fmix(h);
    }

    private static int mixK(int k) {
        k *= C1;
        k = Integer.rotateLeft(k, 15);
        return k * C2;
    }

    private static int fmix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
