/**
 * Spring Boot 3 auto-configuration of Pottery's JCache provider: with {@code @EnableCaching} and a Redis in
 * {@code spring.data.redis.*}, Spring's caches live in Redis, created on first use with the defaults of
 * {@code pottery.cache.default.*} and the overrides of {@code pottery.cache.caches.<name>.*}
 * ({@link dev.pottery.spring.boot.PotteryCacheProperties}). With Actuator, a health contributor
 * ({@code pottery}) and Micrometer cache meters register too.
 *
 * <pre>{@code
 * spring.data.redis.url=redis://cache-host:6379
 * pottery.cache.default.expiry-duration=10m
 * pottery.cache.default.codec=json
 * }</pre>
 */
package dev.pottery.spring.boot;
