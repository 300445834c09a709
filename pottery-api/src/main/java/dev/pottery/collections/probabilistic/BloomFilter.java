package dev.pottery.collections.probabilistic;

import dev.pottery.KeyExistsException;
import dev.pottery.codec.Codec;
import dev.pottery.collections.RedisBacked;
import dev.pottery.internal.ElementCodec.Nulls;
import dev.pottery.internal.ElementCodec;
import dev.pottery.internal.Murmur3;
import dev.pottery.internal.TypedKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;

/**
 * A Bloom filter in a Redis string used as a bit array, with Python pottery's {@code BloomFilter}
 * sizing, hashing and bit layout, so Java and Python programs can share one filter.
 *
 * <pre>{@code
 * BloomFilter<Object> seen = new BloomFilter<>(redis, "seen-urls", 1_000_000, 0.01);
 * seen.add("https://example.com/");                     // one BITFIELD: sets 7 bits
 * seen.mightContain("https://example.com/");            // true
 * seen.mightContain("https://example.org/");            // false (wrong with probability ~1%)
 * long about = seen.approximateSize();                  // ~1
 * }</pre>
 *
 * <p>For {@code n} expected elements and false-positive rate {@code p} the filter has
 * {@code m = ceil(-n·ln p / (ln 2)²)} bits and {@code k = ceil(m/n · ln 2)} hash functions. An
 * element's bits are {@code floorMod(murmur3_x86_32(encoded, seed), m)} for seeds {@code 0..k-1}, where
 * {@code encoded} is the element's codec bytes (for the default JSON codec, the JSON text: the string
 * {@code rajiv} hashes as {@code "rajiv"} with its quotes) and the hash is read as a signed int as
 * Python's {@code mmh3.hash} returns it. Bit {@code i} is bit {@code i} of SETBIT/GETBIT (the most
 * significant bit of the first byte is bit 0).
 *
 * <p>Costs: {@link #add} and {@link #addAll} are one BITFIELD (SET of every bit, up to {@value #BATCH}
 * elements per command); {@link #mightContain} is one BITFIELD_RO; {@link #approximateSize} one BITCOUNT.
 * There are no false negatives; the false-positive rate stays near {@code p} up to {@code n} elements.
 * Elements are only ever encoded, never decoded, so the filter has no bytes to misread; {@code null} is
 * an element like any other ({@code null} in JSON, Python's {@code None}).
 *
 * @param <E> the type of elements
 */
public class BloomFilter<E> extends RedisBacked {

    /** Elements whose bits go into one BITFIELD command. */
    static final int BATCH = 1024;

    private final ElementCodec<E> elements;
    private final BloomFilterCommands commands;
    private final long expectedElements;
    private final double falsePositiveRate;
    private final long numBits;
    private final int numHashes;

    /**
     * Opens the filter at {@code key}, sized for {@code expectedElements} at {@code falsePositiveRate}.
     * Every process opening the key must use the same two numbers (they are not stored in Redis).
     *
     * @throws IllegalArgumentException if {@code expectedElements < 1} or the rate is not in (0, 1)
     */
    public BloomFilter(UnifiedJedis redis, String key, long expectedElements, double falsePositiveRate) {
        this(redis, key, ElementCodec.natural(), expectedElements, falsePositiveRate);
    }

    /** Opens a filter at a new random key, deleted by {@link #close()}. */
    public BloomFilter(UnifiedJedis redis, long expectedElements, double falsePositiveRate) {
        this(redis, null, ElementCodec.natural(), expectedElements, falsePositiveRate);
    }

    /**
     * Creates the filter at {@code key} holding {@code initial}, atomically.
     *
     * @throws KeyExistsException if {@code initial} is not empty and the key already exists
     */
    public BloomFilter(UnifiedJedis redis, String key, long expectedElements, double falsePositiveRate,
            Collection<? extends E> initial) {
        this(redis, key, ElementCodec.natural(), expectedElements, falsePositiveRate);
        create(initial);
    }

    BloomFilter(UnifiedJedis redis, String key, Codec<E> codec, long expectedElements,
            double falsePositiveRate) {
        super(redis, key);
        if (expectedElements < 1) {
            throw new IllegalArgumentException("expectedElements must be >= 1, not " + expectedElements);
        }
        if (!(falsePositiveRate > 0 && falsePositiveRate < 1)) {
            throw new IllegalArgumentException("falsePositiveRate must be in (0, 1), not " + falsePositiveRate);
        }
        this.elements = new ElementCodec<>(Objects.requireNonNull(codec, "codec"), key(), "BloomFilter", "element",
                Nulls.STORED);
        this.commands = new BloomFilterCommands(new TypedKey(redis, key(), "string", "BloomFilter"));
        this.expectedElements = expectedElements;
        this.falsePositiveRate = falsePositiveRate;
        this.numBits = numBits(expectedElements, falsePositiveRate);
        this.numHashes = numHashes(numBits, expectedElements);
        if (numBits > 1L << 32) {
            throw new IllegalArgumentException("a filter of " + numBits + " bits exceeds Redis's 512 MB strings");
        }
    }

    /** A builder, for a codec or initial data. */
    public static BloomFilterBuilder<Object> builder(UnifiedJedis redis, long expectedElements, double falsePositiveRate) {
        return new BloomFilterBuilder<>(redis, ElementCodec.natural(), expectedElements, falsePositiveRate);
    }

    /** Pottery's size: {@code ceil(-n·ln p / (ln 2)²)}, evaluated in Python's order. */
    static long numBits(long n, double p) {
        return (long) Math.ceil(-(n * Math.log(p)) / Math.pow(Math.log(2), 2));
    }

    /** Pottery's hash count: {@code ceil(m / n · ln 2)}. */
    static int numHashes(long m, long n) {
        return (int) Math.ceil((double) m / n * Math.log(2));
    }

    void create(Collection<? extends E> initial) {
        if (!initial.isEmpty() && !commands.create(offsetsOf(initial))) {
            throw new KeyExistsException(key());
        }
    }

    /** The number of bits {@code m}. */
    public long numBits() {
        return numBits;
    }

    /** The number of hash functions {@code k}. */
    public int numHashes() {
        return numHashes;
    }

    /** The expected number of elements this filter was sized for. */
    public long expectedElements() {
        return expectedElements;
    }

    /** The false-positive rate this filter was sized for. */
    public double falsePositiveRate() {
        return falsePositiveRate;
    }

    /**
     * Adds an element: one BITFIELD setting its {@code k} bits.
     *
     * @return whether any bit changed, i.e. the element was certainly not present before
     */
    public boolean add(E element) {
        return setBits(List.of(bitOffsets(element)));
    }

    /**
     * Adds every element in one round trip (one BITFIELD per {@value #BATCH} elements).
     *
     * @return whether any bit changed
     */
    public boolean addAll(Collection<? extends E> elements) {
        List<long[]> all = offsetsOf(elements);
        boolean changed = false;
        for (int from = 0; from < all.size(); from += BATCH) {
            changed |= setBits(all.subList(from, Math.min(all.size(), from + BATCH)));
        }
        return changed;
    }

    private boolean setBits(List<long[]> offsets) {
        return !offsets.isEmpty() && commands.setBits(offsets);
    }

    private List<long[]> offsetsOf(Collection<? extends E> elements) {
        List<long[]> all = new ArrayList<>(elements.size());
        for (E e : elements) {
            all.add(bitOffsets(e));
        }
        return all;
    }

    /**
     * Whether the element may have been added: {@code false} is certain, {@code true} is wrong with
     * about the configured probability. One BITFIELD_RO reading its {@code k} bits.
     */
    public boolean mightContain(E element) {
        return commands.allSet(bitOffsets(element));
    }

    /**
     * Pottery's estimate of the number of distinct elements added:
     * {@code floor(-m/k · ln(1 - X/m))} with {@code X} = BITCOUNT. A saturated filter (every bit set),
     * where pottery fails with a math domain error, answers {@link Long#MAX_VALUE}.
     */
    public long approximateSize() {
        long set = commands.bitCount();
        if (set >= numBits) {
            return Long.MAX_VALUE;
        }
        return (long) Math.floor(-((double) numBits / numHashes) * Math.log(1 - (double) set / numBits));
    }

    /** Deletes the key (one script, which refuses a key holding another Redis type): the filter is empty again. */
    public void clear() {
        commands.clear();
    }

    /** The bit offsets of an element, one per hash seed, as pottery computes them. */
    long[] bitOffsets(E element) {
        byte[] encoded = elements.encode(element);
        long[] offsets = new long[numHashes];
        for (int seed = 0; seed < numHashes; seed++) {
            offsets[seed] = Math.floorMod((long) Murmur3.hash32(encoded, seed), numBits);
        }
        return offsets;
    }

    /** Same client and key. */
    @Override
    public boolean equals(Object o) {
        return o == this || sameKeyAs(o) && o instanceof BloomFilter;
    }

    /** The key's hash, consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return key().hashCode();
    }

    /** {@code <BloomFilter key=seen m=959 k=7>}. */
    @Override
    public String toString() {
        return "<BloomFilter key=" + key() + " m=" + numBits + " k=" + numHashes + ">";
    }
}
