/**
 * Timing helpers: {@link dev.pottery.time.ContextTimer}, a millisecond stopwatch on the monotonic
 * clock that works in try-with-resources (Python pottery's {@code ContextTimer}).
 *
 * <pre>{@code
 * try (ContextTimer timer = ContextTimer.started()) {
 *     work();
 *     log.info("took {} ms", timer.elapsed());
 * }
 * }</pre>
 */
package dev.pottery.time;
