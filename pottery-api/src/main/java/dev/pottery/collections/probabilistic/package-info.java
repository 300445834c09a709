/**
 * Probabilistic structures with Python pottery's layout: {@link dev.pottery.collections.probabilistic.BloomFilter}
 * (a Redis string used as a bit array, pottery's sizing and MurmurHash3 offsets) and
 * {@link dev.pottery.collections.probabilistic.HyperLogLog} (PFADD, PFCOUNT, PFMERGE).
 *
 * <pre>{@code
 * BloomFilter<Object> seen = new BloomFilter<>(redis, "seen-urls", 1_000_000, 0.01);
 * HyperLogLog<Object> visitors = new HyperLogLog<>(redis, "{visitors}:today");
 * }</pre>
 *
 * <p>Both only encode elements, never decode them. {@code BloomFilterCommands} and
 * {@code HyperLogLogCommands} send every command and script ({@code bloom-*.lua}, {@code hll-*.lua}).
 */
package dev.pottery.collections.probabilistic;
