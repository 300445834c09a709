/**
 * Redis-backed implementations of the {@code java.util} collection interfaces, stored as Python
 * pottery stores them so that Java and Python programs can share keys.
 *
 * <pre>{@code
 * RedisMap<Object, Object> tel = new RedisMap<>(redis, "tel");        // a Redis hash
 * RedisSet<Object> basket = new RedisSet<>(redis, "basket");          // a Redis set
 * RedisList<Object> squares = new RedisList<>(redis, "squares");      // a Redis list
 * }</pre>
 *
 * <p>Each type is one Redis key; every process that opens the same key sees the same data.
 * {@link dev.pottery.collections.RedisBacked} is their common base: the client, the key, and the
 * clean-up of temporary (randomly named) keys. Each structure keeps its Redis access in one
 * package-private command class ({@code MapCommands}, {@code SetCommands}, {@code ListCommands}) whose
 * Lua scripts are resources next to it ({@code map-*.lua}, {@code set-*.lua}, {@code list-*.lua}); every
 * script touches a single key, so the types also work through a Redis Cluster client.
 *
 * <p>Every type has a {@code builder(redis)} returning its {@code <Type>Builder} (a
 * {@link dev.pottery.collections.KeyedBuilder}: key, codec, then the type's own options), for a chosen
 * codec or initial data: {@code RedisList.builder(redis).key("k").codec(..).build()}.
 */
package dev.pottery.collections;
