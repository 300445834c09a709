package dev.pottery.collections;

import dev.pottery.KeyExistsException;
import dev.pottery.codec.Codec;
import dev.pottery.codec.JsonCodec;
import java.util.Collection;
import redis.clients.jedis.UnifiedJedis;

/**
 * Builds a {@link RedisQueue} with a codec, a key and optionally initial data.
 *
 * <pre>{@code
 * RedisQueue<Job> jobs = RedisQueue.builder(redis).codec(JsonCodec.of(Job.class)).key("jobs").build();
 * }</pre>
 *
 * @param <E> the type of elements
 */
public final class RedisQueueBuilder<E> extends KeyedBuilder<E, RedisQueueBuilder<E>> {

    RedisQueueBuilder(UnifiedJedis redis, Codec<E> codec) {
        super(redis, codec);
    }

    private RedisQueueBuilder(RedisQueueBuilder<?> settings, Codec<E> codec) {
        super(settings, codec);
    }

    /**
     * The codec of elements (default: {@link JsonCodec#natural()}).
     *
     * @param codec the codec of elements
     * @param <F> the new type of elements
     * @return a builder for elements of that type, with this builder's key
     */
    public <F> RedisQueueBuilder<F> codec(Codec<F> codec) {
        return new RedisQueueBuilder<>(this, codec);
    }

    /**
     * Opens the queue.
     *
     * @return the queue
     */
    public RedisQueue<E> build() {
        return new RedisQueue<>(redis(), redisKey(), codec());
    }

    /**
     * Creates the queue holding {@code initial}, atomically.
     *
     * @param initial the initial elements
     * @return the queue
     * @throws KeyExistsException if {@code initial} is not empty and the key already exists
     */
    public RedisQueue<E> buildWith(Collection<? extends E> initial) {
        RedisQueue<E> queue = build();
        queue.create(initial);
        return queue;
    }
}
