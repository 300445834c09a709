package dev.pottery.collections.queue;

import dev.pottery.KeyExistsException;
import dev.pottery.codec.Codec;
import dev.pottery.codec.JsonCodec;
import dev.pottery.collections.KeyedBuilder;
import java.util.Collection;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;

/**
 * Builds a {@link RedisDeque} with a codec, a maximum length, a key and optionally initial data.
 *
 * <pre>{@code
 * RedisDeque<Order> orders = RedisDeque.builder(redis).codec(JsonCodec.of(Order.class))
 *         .key("orders").maxlen(1000).build();
 * }</pre>
 *
 * @param <E> the type of elements
 */
public final class RedisDequeBuilder<E> extends KeyedBuilder<E, RedisDequeBuilder<E>> {

    private int maxlen = DequeCommands.UNBOUNDED;
    private Collection<? extends E> initial;

    RedisDequeBuilder(UnifiedJedis redis, Codec<E> codec) {
        super(redis, codec);
    }

    private RedisDequeBuilder(RedisDequeBuilder<?> settings, Codec<E> codec) {
        super(settings, codec);
        this.maxlen = settings.maxlen;
    }

    /**
     * The codec of elements (default: {@link JsonCodec#natural()}); set it before {@link #initialData},
     * which it discards.
     *
     * @param codec the codec of elements
     * @param <F> the new type of elements
     * @return a builder for elements of that type, with this builder's key and maxlen
     */
    public <F> RedisDequeBuilder<F> codec(Codec<F> codec) {
        return new RedisDequeBuilder<>(this, codec);
    }

    /**
     * The maximum length: adding beyond it drops elements from the far end, as pottery does.
     *
     * @param maxlen the maximum length
     * @return this builder
     * @throws IllegalArgumentException if negative (pottery accepted it; Python's deque does not)
     */
    public RedisDequeBuilder<E> maxlen(int maxlen) {
        if (maxlen < 0) {
            throw new IllegalArgumentException("maxlen must be >= 0, not " + maxlen);
        }
        this.maxlen = maxlen;
        return this;
    }

    /**
     * Elements to create the deque with, head first (only the last {@code maxlen} are kept when
     * bounded, as pottery does); {@link #build()} then refuses an existing key.
     *
     * @param data the initial elements
     * @return this builder
     */
    public RedisDequeBuilder<E> initialData(Collection<? extends E> data) {
        this.initial = Objects.requireNonNull(data, "data");
        return this;
    }

    /**
     * Opens (or creates, with {@link #initialData}) the deque.
     *
     * @return the deque
     * @throws KeyExistsException if initial elements were given and the key exists
     * @throws IllegalStateException if bounded and the existing list is already longer than maxlen
     */
    public RedisDeque<E> build() {
        RedisDeque<E> deque = new RedisDeque<>(redis(), redisKey(), codec(), maxlen);
        if (initial == null || initial.isEmpty()) {
            deque.checkPersistentLength();
        } else {
            deque.create(initial);
        }
        return deque;
    }
}
