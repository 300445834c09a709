package dev.pottery.collections.queue;

import dev.pottery.KeyExistsException;
import dev.pottery.codec.Codec;
import dev.pottery.codec.JsonCodec;
import dev.pottery.collections.KeyedBuilder;
import java.util.Collection;
import java.util.Objects;
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

    private Collection<? extends E> initial;

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
     * @return a builder for elements of that type (initial data is discarded), with this builder's key
     */
    public <F> RedisQueueBuilder<F> codec(Codec<F> codec) {
        return new RedisQueueBuilder<>(this, codec);
    }

    /**
     * Elements to create the queue with; {@link #build()} then refuses an existing key.
     *
     * @param data the initial elements
     * @return this builder
     */
    public RedisQueueBuilder<E> initialData(Collection<? extends E> data) {
        this.initial = Objects.requireNonNull(data, "data");
        return this;
    }

    /**
     * Opens (or creates, with {@link #initialData}) the queue.
     *
     * @return the queue
     * @throws KeyExistsException if initial elements were given and the key exists
     */
    public RedisQueue<E> build() {
        RedisQueue<E> built = new RedisQueue<>(redis(), redisKey(), codec());
        if (initial != null) {
            built.create(initial);
        }
        return built;
    }
}
