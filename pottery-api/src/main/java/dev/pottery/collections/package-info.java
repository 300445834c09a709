/**
 * Redis-backed implementations of the {@code java.util} collection interfaces, stored as Python
 * pottery stores them so that Java and Python programs can share keys. One sub-package per family:
 *
 * <ul>
 *   <li>{@link dev.pottery.collections.map}: {@code RedisMap}, a {@code ConcurrentMap} on a hash;</li>
 *   <li>{@link dev.pottery.collections.set}: {@code RedisSet}, a {@code Set} on a Redis set, with
 *       pottery's set algebra;</li>
 *   <li>{@link dev.pottery.collections.list}: {@code RedisList}, a {@code List} on a Redis list;</li>
 *   <li>{@link dev.pottery.collections.queue}: {@code RedisDeque} (a {@code BlockingDeque} on a list) and
 *       {@code RedisQueue} (a FIFO {@code BlockingQueue} on a stream);</li>
 *   <li>{@link dev.pottery.collections.counter}: {@code RedisCounter}, Python's {@code Counter} on a
 *       hash;</li>
 *   <li>{@link dev.pottery.collections.probabilistic}: {@code BloomFilter} and {@code HyperLogLog}.</li>
 * </ul>
 *
 * <pre>{@code
 * RedisMap<Object, Object> tel = new RedisMap<>(redis, "tel");        // a Redis hash
 * RedisSet<Object> basket = new RedisSet<>(redis, "basket");          // a Redis set
 * RedisDeque<Object> recent = new RedisDeque<>(redis, "recent");      // a Redis list
 * }</pre>
 *
 * <p>Each type is one Redis key; every process that opens the same key sees the same data.
 * {@link dev.pottery.collections.RedisBacked} is their common base (the client, the key, and the
 * clean-up of temporary, randomly named keys), and {@link dev.pottery.collections.KeyedBuilder} the base
 * of their builders ({@code Type.builder(redis).key(..).codec(..).initialData(..).build()}).
 *
 * <p>Every type has the same shape: the public type, its builder, and one package-private
 * {@code <Type>Commands} class holding all its Redis access, whose Lua scripts are resources next to it;
 * every script touches a single key, so the types also work through a Redis Cluster client. They share
 * one rule for encoding ({@code dev.pottery.internal.ElementCodec}: a value the codec refuses is an
 * {@link java.lang.IllegalArgumentException} naming the key, a query the codec cannot encode matches
 * nothing, stored bytes that do not decode are a {@link dev.pottery.codec.CodecException} naming the key
 * and carrying the bytes), one guard against keys of another Redis type
 * ({@code dev.pottery.internal.TypedKey}), and one HSCAN/SSCAN walker. {@code src/storage-format.md}
 * says, per type, what Python writes and what Java reads for {@code None}, big and fractional numbers.
 */
package dev.pottery.collections;
