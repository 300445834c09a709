/**
 * {@link dev.pottery.collections.set.RedisSet}: a {@link java.util.Set} on a Redis set, laid out as
 * Python pottery's {@code RedisSet} (member = encoded element), with pottery's set algebra.
 *
 * <pre>{@code
 * RedisSet<Object> basket = new RedisSet<>(redis, "basket", List.of("apple", "pear"));
 * Set<Object> both = basket.intersection(other);   // one SINTER when both are on this client
 * }</pre>
 *
 * <p>{@code SetCommands} sends every command and script ({@code set-*.lua}); {@code SetAlgebra} decides
 * between one SUNION/SINTER/SDIFF and the client-side path (other clients, codecs, cluster slots).
 */
package dev.pottery.collections.set;
