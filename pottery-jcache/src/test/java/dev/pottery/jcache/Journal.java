package dev.pottery.jcache;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.cache.Cache;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheWriter;
import javax.cache.integration.CacheWriterException;

/**
 * What one cache's loader, writer and (synchronous) listener saw, as lines of text, so that two caches run in
 * lockstep can be compared call by call. The loader has a value for keys whose number is not a multiple of
 * 3; the writer refuses the key {@value #POISON} (a CacheWriterException); its batch methods write the
 * other entries and leave only that one in the collection, as the spec's partial-success rule says.
 */
final class Journal implements CacheLoader<String, Object>, CacheWriter<String, Object>,
        CacheEntryCreatedListener<String, Object>, CacheEntryUpdatedListener<String, Object>,
        CacheEntryRemovedListener<String, Object>, CacheEntryExpiredListener<String, Object>, Serializable {

    static final String POISON = "k9";
    private static final long serialVersionUID = 1L;

    private final List<String> calls = new ArrayList<>();
    private boolean refused;
    private final List<String> events = new ArrayList<>();

    /** The writer and loader calls since the last drain, and clears them. */
    synchronized List<String> drainCalls() {
        List<String> drained = new ArrayList<>(calls);
        calls.clear();
        return drained;
    }

    /** Whether the writer refused a key since the last call, and clears that. */
    synchronized boolean drainRefused() {
        boolean was = refused;
        refused = false;
        return was;
    }

    /** The events since the last drain, and clears them. */
    synchronized List<String> drainEvents() {
        List<String> drained = new ArrayList<>(events);
        events.clear();
        return drained;
    }

    static Object loaded(String key) {
        int n = Integer.parseInt(key.substring(1));
        return n % 3 == 0 ? null : new TreeSet<>(java.util.List.of(100 + n));
    }

    @Override
    public synchronized Object load(String key) {
        calls.add("load " + key);
        return loaded(key);
    }

    @Override
    public synchronized Map<String, Object> loadAll(Iterable<? extends String> keys) {
        Map<String, Object> values = new java.util.HashMap<>();   // the RI asks containsKey(null)
        TreeSet<String> asked = new TreeSet<>();
        keys.forEach(key -> {
            asked.add(key);
            Object value = loaded(key);
            if (value != null) {
                values.put(key, value);
            }
        });
        calls.add("loadAll " + asked);
        return values;
    }

    @Override
    public synchronized void write(Cache.Entry<? extends String, ? extends Object> entry) {
        refuse(entry.getKey());
        calls.add("write " + entry.getKey() + "=" + text(entry.getValue()));
    }

    @Override
    public synchronized void writeAll(Collection<Cache.Entry<? extends String, ? extends Object>> entries) {
        TreeMap<String, String> asked = new TreeMap<>();
        for (Iterator<Cache.Entry<? extends String, ? extends Object>> it = entries.iterator(); it.hasNext(); ) {
            Cache.Entry<? extends String, ? extends Object> entry = it.next();
            asked.put(entry.getKey(), text(entry.getValue()));
            if (!POISON.equals(entry.getKey())) {
                it.remove();
            }
        }
        calls.add("writeAll " + asked);
        if (!entries.isEmpty()) {
            refused = true;
            throw new CacheWriterException("the system of record refuses " + POISON);
        }
    }

    @Override
    public synchronized void delete(Object key) {
        refuse(key);
        calls.add("delete " + key);
    }

    @Override
    public synchronized void deleteAll(Collection<?> keys) {
        TreeSet<String> asked = new TreeSet<>();
        for (Iterator<?> it = keys.iterator(); it.hasNext(); ) {
            Object key = it.next();
            asked.add(String.valueOf(key));
            if (!POISON.equals(key)) {
                it.remove();
            }
        }
        calls.add("deleteAll " + asked);
        if (!keys.isEmpty()) {
            refused = true;
            throw new CacheWriterException("the system of record refuses " + POISON);
        }
    }

    /** A value as text that does not depend on a set's iteration order. */
    static String text(Object value) {
        return value instanceof java.util.Set<?> set ? new TreeSet<>(set).toString() : String.valueOf(value);
    }

    private void refuse(Object key) {
        if (POISON.equals(key)) {
            refused = true;
            throw new CacheWriterException("the system of record refuses " + key);
        }
    }

    @Override
    public synchronized void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends Object>> created) {
        record(created);
    }

    @Override
    public synchronized void onUpdated(Iterable<CacheEntryEvent<? extends String, ? extends Object>> updated) {
        record(updated);
    }

    @Override
    public synchronized void onRemoved(Iterable<CacheEntryEvent<? extends String, ? extends Object>> removed) {
        record(removed);
    }

    @Override
    public synchronized void onExpired(Iterable<CacheEntryEvent<? extends String, ? extends Object>> expired) {
        record(expired);
    }

    private void record(Iterable<CacheEntryEvent<? extends String, ? extends Object>> batch) {
        for (CacheEntryEvent<? extends String, ? extends Object> event : batch) {
            events.add(event.getEventType() + " " + event.getKey() + "=" + text(event.getValue())
                    + (event.isOldValueAvailable() ? " (was " + text(event.getOldValue()) + ")" : ""));
        }
    }
}
