package dev.pottery.jcache.integration;

import dev.pottery.jcache.FailureText;
import dev.pottery.jcache.PotteryEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CacheWriterException;

/**
 * Calls a cache's {@link CacheWriter} before the cache changes, wrapping failures in
 * {@link CacheWriterException}. For the batch methods it reports which entries the writer did handle, so the
 * cache applies exactly those (the spec's partial-success rule: the writer removes what it wrote from the
 * collection it was given).
 *
 * <pre>{@code
 * WriteThrough<String, User> writer = new WriteThrough<>(userWriter, "cache users (Redis host:6379)");
 * writer.write("ada", ada);   // throws CacheWriterException if the writer fails; the cache then stays as it was
 * }</pre>
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class WriteThrough<K, V> {

    private static final CacheWriter<Object, Object> NONE = new CacheWriter<>() {
        @Override
        public void write(Cache.Entry<?, ?> entry) {
        }

        @Override
        public void writeAll(Collection<Cache.Entry<?, ?>> entries) {
        }

        @Override
        public void delete(Object key) {
        }

        @Override
        public void deleteAll(Collection<?> keys) {
        }
    };

    private final CacheWriter<K, V> writer;
    private final String where;

    /** An adapter for {@code writer}; {@code where} names the cache and server in messages. */
    @SuppressWarnings("unchecked")
    public WriteThrough(CacheWriter<? super K, ? super V> writer, String where) {
        this.where = where;
        // A writer of supertypes accepts our entries; the cast only relaxes the compiler's wildcard capture.
        this.writer = (CacheWriter<K, V>) writer;
    }

    /** The writer of a cache that does not write through: every call does nothing. */
    @SuppressWarnings("unchecked")
    public static <K, V> WriteThrough<K, V> none() {
        return new WriteThrough<>((CacheWriter<K, V>) (CacheWriter<?, ?>) NONE, "");
    }

    /** Whether this is an application's writer (write-through), not {@link #none()}. */
    public boolean isPresent() {
        return writer != NONE;
    }

    /** The application's writer. */
    public CacheWriter<? super K, ? super V> writer() {
        return writer;
    }

    /** Writes one entry. */
    public void write(K key, V value) {
        try {
            writer.write(new PotteryEntry<>(key, value));
        } catch (CacheWriterException e) {
            throw e;
        } catch (Exception e) {
            throw new CacheWriterException("CacheWriter failed to write " + FailureText.key(key) + " of " + where + ": "
                    + e, e);
        }
    }

    /** Deletes one key. */
    public void delete(K key) {
        try {
            writer.delete(key);
        } catch (CacheWriterException e) {
            throw e;
        } catch (Exception e) {
            throw new CacheWriterException("CacheWriter failed to delete " + FailureText.key(key) + " of " + where + ": "
                    + e, e);
        }
    }

    /** Writes entries; the result names those written and the failure, if any. */
    public Partial<Map<K, V>> writeAll(Map<K, V> entries) {
        List<Cache.Entry<? extends K, ? extends V>> pending = new ArrayList<>();
        entries.forEach((k, v) -> pending.add(new PotteryEntry<>(k, v)));
        CacheWriterException failure = null;
        try {
            writer.writeAll(pending);
            pending.clear();
        } catch (CacheWriterException e) {
            failure = e;
        } catch (Exception e) {
            failure = new CacheWriterException("CacheWriter failed to write all for " + where + ": " + e, e);
        }
        Set<Object> notWritten = new HashSet<>();
        pending.forEach(e -> notWritten.add(e.getKey()));
        Map<K, V> written = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            if (!notWritten.contains(k)) {
                written.put(k, v);
            }
        });
        return new Partial<>(written, failure);
    }

    /** Deletes keys; the result names those deleted and the failure, if any. */
    public Partial<Set<K>> deleteAll(Collection<K> keys) {
        List<Object> pending = new ArrayList<>(keys);
        CacheWriterException failure = null;
        try {
            writer.deleteAll(pending);
            pending.clear();
        } catch (CacheWriterException e) {
            failure = e;
        } catch (Exception e) {
            failure = new CacheWriterException("CacheWriter failed to delete all for " + where + ": " + e, e);
        }
        Set<Object> notDeleted = new HashSet<>(pending);
        Set<K> deleted = new java.util.LinkedHashSet<>();
        for (K key : keys) {
            if (!notDeleted.contains(key)) {
                deleted.add(key);
            }
        }
        return new Partial<>(deleted, failure);
    }

    /**
     * What a batch write achieved.
     *
     * @param done the entries or keys the writer handled
     * @param failure the writer's failure, or null when it handled everything
     * @param <T> map of entries or set of keys
     */
    public record Partial<T>(T done, CacheWriterException failure) {
    }
}
