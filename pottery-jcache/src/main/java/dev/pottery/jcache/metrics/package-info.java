/**
 * Micrometer meters for Pottery caches, under the names Micrometer gives every JCache cache
 * ({@code cache.gets}, {@code cache.puts}, {@code cache.removals}, {@code cache.evictions}) plus latency
 * timers. Micrometer is an optional dependency: nothing else in pottery-jcache loads this package.
 */
package dev.pottery.jcache.metrics;
