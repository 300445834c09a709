/**
 * Distributed locking over N independent Redis masters: {@link dev.pottery.lock.Redlock}, a
 * {@link java.util.concurrent.locks.Lock} implementing the Redlock algorithm with Python pottery's
 * key layout ({@code redlock:<key>} holding a UUID4 token) and defaults, its builder (including the
 * lease-renewing watchdog), the {@link dev.pottery.lock.HeldLock} handle for try-with-resources, and
 * {@link dev.pottery.lock.RedlockLease}, the thread-free lease that {@code acquireAsync()} grants.
 *
 * <pre>{@code
 * Redlock printer = new Redlock("printer", List.of(redis1, redis2, redis3, redis4, redis5));
 * try (HeldLock held = printer.acquire()) {
 *     print();
 * }
 * }</pre>
 */
package dev.pottery.lock;
