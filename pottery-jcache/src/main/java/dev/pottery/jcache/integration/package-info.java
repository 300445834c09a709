/**
 * Integration: read-through ({@code CacheLoader}) and write-through ({@code CacheWriter}) adapters that
 * call the application's loader and writer and wrap their failures as the spec prescribes
 * ({@code CacheLoaderException}, {@code CacheWriterException}), including the partial-success rules of the
 * batch methods.
 */
package dev.pottery.jcache.integration;
