/**
 * Redis-backed implementations of the {@code java.util} collection interfaces, stored as Python
 * pottery stores them so that Java and Python programs can share keys.
 *
 * <p>Each type is one Redis key; every process that opens the same key sees the same data.
 * {@link dev.pottery.collections.RedisBacked} is their common base: the client, the key, and the
 * clean-up of temporary (randomly named) keys.
 */
package dev.pottery.collections;
