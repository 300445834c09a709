/**
 * {@link dev.pottery.collections.map.RedisMap}: a {@link java.util.concurrent.ConcurrentMap} on a Redis
 * hash, laid out as Python pottery's {@code RedisDict} (field = encoded key, value = encoded value).
 *
 * <pre>{@code
 * RedisMap<String, Long> tel = RedisMap.builder(redis).key("tel")
 *         .keyCodec(JsonCodec.of(String.class)).valueCodec(JsonCodec.of(Long.class)).build();
 * tel.merge("jack", 1L, Long::sum);   // atomic across processes
 * }</pre>
 *
 * <p>{@code MapCommands} sends every command and script ({@code map-*.lua}); {@code MapComputations}
 * runs the read, compute, compare-and-set loops of {@code compute*} and {@code merge}; the three views
 * stream the hash with HSCAN.
 */
package dev.pottery.collections.map;
