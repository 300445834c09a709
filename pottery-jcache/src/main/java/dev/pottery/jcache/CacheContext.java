package dev.pottery.jcache;

import dev.pottery.jcache.expiry.ExpiryDurations;
import dev.pottery.jcache.integration.WriteThrough;
import java.util.concurrent.Executor;

/**
 * Everything one cache's operations need, built once by {@link CacheFactory} and never changed: the Redis
 * command layer, the codecs and checks, expiry, the loader and writer roles, events, statistics, and the
 * locks and leases that keep writers and loaders to one run per change. The operation classes receive this,
 * not the cache: they never call back into it.
 *
 * <pre>{@code
 * CacheContext<String, Integer> context = factory.context("scores", configuration);
 * ReadOperations<String, Integer> reads = new ReadOperations<>(context);
 * }</pre>
 *
 * @param name the cache's name
 * @param store its Redis command layer
 * @param codec its key and value codecs
 * @param checks the spec's checks on keys and values
 * @param expiry its expiry durations
 * @param misses what a read that misses does (read-through or nothing)
 * @param loads loading with its CacheLoader ({@code loadAll}, read-through), or null without a loader
 * @param writer its CacheWriter (a no-op one when not write-through)
 * @param events its listeners
 * @param statistics its statistics in this JVM
 * @param locks its per-entry locks in this JVM
 * @param leases its entry leases
 * @param guard locks and leases put together for one entry
 * @param reporter starts operation reports (events and statistics, once each)
 * @param near its near cache in this JVM, or {@link NearReads#NONE}
 * @param executor runs {@code loadAll}
 * @param <K> key type
 * @param <V> value type
 */
record CacheContext<K, V>(String name, CacheStore store, EntryCodec<K, V> codec, TypeChecks<K, V> checks,
                          ExpiryDurations expiry, Misses<K, V> misses, Loads<K, V> loads, WriteThrough<K, V> writer,
                          CacheEvents<K, V> events, OperationStatistics statistics, KeyLocks locks, Leases leases,
                          EntryGuard guard, Reporter<K, V> reporter, NearReads near, Executor executor) {
}
