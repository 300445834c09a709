/**
 * Blocking queues: {@link dev.pottery.collections.queue.RedisDeque}, a
 * {@link java.util.concurrent.BlockingDeque} on a Redis list (Python pottery's {@code RedisDeque}), and
 * {@link dev.pottery.collections.queue.RedisQueue}, a FIFO {@link java.util.concurrent.BlockingQueue} on
 * a Redis stream (pottery 3.0.1's {@code RedisSimpleQueue}).
 *
 * <pre>{@code
 * RedisDeque<Object> recent = RedisDeque.builder(redis).key("recent").maxlen(3).build();
 * RedisQueue<Object> jobs = new RedisQueue<>(redis, "jobs");
 * Object job = jobs.poll(5, TimeUnit.SECONDS);
 * }</pre>
 *
 * <p>A Python {@code None} is an element: the methods whose {@code null} answer means "empty"
 * ({@code poll}, {@code peek}) throw {@link dev.pottery.NullElementException} and leave it in place; the
 * others ({@code remove}, {@code take}, {@code element}, iteration) return it as {@code null}.
 * {@code AbstractRedisQueue} and {@code AbstractRedisDeque} are the skeletons (as
 * {@link java.util.AbstractQueue}); {@code DequeCommands} and {@code QueueCommands} send every command
 * and script ({@code deque-*.lua}, {@code queue-*.lua}).
 */
package dev.pottery.collections.queue;
