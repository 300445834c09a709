package dev.pottery.collections;

import dev.pottery.PotteryException;
import dev.pottery.codec.Codec;
import dev.pottery.codec.CodecException;
import java.util.function.Supplier;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Shared guards for the Redis calls of the deque, queue, counter, Bloom filter and HyperLogLog: turns
 * Redis's terse WRONGTYPE reply into an exception naming the key and both types, and a value the codec
 * cannot encode into the {@link IllegalArgumentException} the collection interfaces expect.
 */
final class TypedAccess {

    private TypedAccess() {
    }

    /**
     * Runs one Redis call on {@code owner}'s key, which should hold a {@code expected} ("list",
     * "hash", ...). A WRONGTYPE error costs one more round trip (TYPE) to say what the key holds.
     */
    static <T> T call(RedisBacked owner, String expected, Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisDataException e) {
            String message = String.valueOf(e.getMessage());
            if (!message.contains("WRONGTYPE")) {
                throw e;
            }
            String actual;
            try {
                actual = owner.redis().type(owner.key());
            } catch (RuntimeException typeFailure) {
                actual = "value of another type";
            }
            throw new PotteryException(owner.getClass().getSimpleName() + " needs a Redis " + expected
                    + " but the key holds a " + actual, owner.key(), e);
        }
    }

    /** Encodes a value, naming the collection and the value's type when the codec refuses it. */
    static <E> byte[] encode(RedisBacked owner, Codec<? super E> codec, E value) {
        try {
            return codec.encode(value);
        } catch (CodecException e) {
            String type = value == null ? "null" : value.getClass().getName();
            throw new IllegalArgumentException(owner.getClass().getSimpleName() + " '" + owner.key()
                    + "' cannot store a " + type + ": " + e.getMessage(), e);
        }
    }
}
