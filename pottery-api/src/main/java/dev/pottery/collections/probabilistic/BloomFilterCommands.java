package dev.pottery.collections.probabilistic;

import dev.pottery.internal.LuaScript;
import dev.pottery.internal.TypedKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * Every Redis command {@link BloomFilter} sends to its bit string, each through the key's
 * {@link TypedKey} (a WRONGTYPE error names the key): BITFIELD to set bits, BITFIELD_RO to read them,
 * BITCOUNT, and one script to create a filter with initial bits.
 */
final class BloomFilterCommands {

    private static final byte[] SET = "SET".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GET = "GET".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] U1 = "u1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ONE = {'1'};
    private static final LuaScript CREATE = LuaScript.fromResource(BloomFilterCommands.class, "bloom-create.lua");

    private final TypedKey key;
    private final UnifiedJedis redis;
    private final byte[] raw;

    BloomFilterCommands(TypedKey key) {
        this.key = key;
        this.redis = key.redis();
        this.raw = key.raw();
    }

    /** Script: sets the bits unless the key exists; whether it did. */
    boolean create(List<long[]> offsets) {
        List<byte[]> args = new ArrayList<>();
        for (long[] ofElement : offsets) {
            for (long offset : ofElement) {
                args.add(ascii(offset));
            }
        }
        return (Long) key.call(() -> CREATE.run(redis, List.of(raw), args)) >= 0;
    }

    /** One BITFIELD setting every bit to 1; whether any was 0 before. */
    boolean setBits(List<long[]> offsets) {
        List<byte[]> args = new ArrayList<>();
        for (long[] ofElement : offsets) {
            for (long offset : ofElement) {
                args.add(SET);
                args.add(U1);
                args.add(ascii(offset));
                args.add(ONE);
            }
        }
        byte[][] all = args.toArray(new byte[0][]);
        List<Long> previous = key.call(() -> redis.bitfield(raw, all));
        return previous.stream().anyMatch(bit -> bit == 0L);
    }

    /** One BITFIELD_RO: whether every bit is 1. */
    boolean allSet(long[] offsets) {
        byte[][] args = new byte[offsets.length * 3][];
        for (int i = 0; i < offsets.length; i++) {
            args[i * 3] = GET;
            args[i * 3 + 1] = U1;
            args[i * 3 + 2] = ascii(offsets[i]);
        }
        List<Long> bits = key.call(() -> redis.bitfieldReadonly(raw, args));
        return bits.stream().allMatch(bit -> bit == 1L);
    }

    /** BITCOUNT. */
    long bitCount() {
        return key.call(() -> redis.bitcount(raw));
    }

    /** UNLINK of the whole key, refused if it holds another Redis type (one script). */
    void clear() {
        key.clear();
    }

    private static byte[] ascii(long n) {
        return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
    }
}
