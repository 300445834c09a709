/**
 * {@link dev.pottery.collections.counter.RedisCounter}: Python's {@code collections.Counter} on a Redis
 * hash, laid out as pottery's {@code RedisCounter} (field = encoded element, value = the count in
 * decimal).
 *
 * <pre>{@code
 * RedisCounter<Object> words = new RedisCounter<>(redis, "words");
 * words.update(List.of("red", "blue", "red"));   // one atomic script
 * Number big = words.getNumber("red");           // Long, BigInteger or Double, as Python stored it
 * }</pre>
 *
 * <p>{@code CounterCommands} sends every command and the one script, {@code counter.lua}, which adds and
 * compares counts of any size exactly as decimal text; {@code Counts} reads stored counts as numbers;
 * {@code CounterArithmetic} holds Python's {@code + - | &} on local copies.
 */
package dev.pottery.collections.counter;
