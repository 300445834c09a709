package dev.pottery.jcache.event;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Factory;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryEventFilter;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryListener;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;

/**
 * A listener built from its configuration's factories, with its optional filter.
 *
 * <pre>{@code
 * ListenerRegistration<String, String> r = new ListenerRegistration<>(listenerConfiguration);
 * if (r.accepts(event)) r.deliver(List.of(event));
 * }</pre>
 *
 * @param <K> key type
 * @param <V> value type
 */
final class ListenerRegistration<K, V> {

    private final CacheEntryListenerConfiguration<K, V> configuration;
    private final CacheEntryListener<? super K, ? super V> listener;
    private final CacheEntryEventFilter<? super K, ? super V> filter;

    /** Creates the listener (and filter) from the configuration's factories. */
    ListenerRegistration(CacheEntryListenerConfiguration<K, V> configuration) {
        this.configuration = configuration;
        this.listener = configuration.getCacheEntryListenerFactory().create();
        Factory<CacheEntryEventFilter<? super K, ? super V>> filterFactory =
                configuration.getCacheEntryEventFilterFactory();
        this.filter = filterFactory == null ? null : filterFactory.create();
    }

    /** The configuration this registration came from. */
    CacheEntryListenerConfiguration<K, V> configuration() {
        return configuration;
    }

    /** Whether events are delivered before the operation returns. */
    boolean isSynchronous() {
        return configuration.isSynchronous();
    }

    /** Whether this listener handles the event's type and its filter lets the event through. */
    boolean accepts(CacheEntryEvent<K, V> event) {
        boolean handles = switch (event.getEventType()) {
            case CREATED -> listener instanceof CacheEntryCreatedListener;
            case UPDATED -> listener instanceof CacheEntryUpdatedListener;
            case REMOVED -> listener instanceof CacheEntryRemovedListener;
            case EXPIRED -> listener instanceof CacheEntryExpiredListener;
        };
        return handles && (filter == null || filter.evaluate(event));
    }

    /** Delivers events, all of one type, in one call. */
    @SuppressWarnings("unchecked")
    void deliver(List<CacheEntryEvent<? extends K, ? extends V>> events) {
        Iterable<CacheEntryEvent<? extends K, ? extends V>> iterable = events;
        switch (events.get(0).getEventType()) {
            case CREATED -> ((CacheEntryCreatedListener<K, V>) listener).onCreated(iterable);
            case UPDATED -> ((CacheEntryUpdatedListener<K, V>) listener).onUpdated(iterable);
            case REMOVED -> ((CacheEntryRemovedListener<K, V>) listener).onRemoved(iterable);
            case EXPIRED -> ((CacheEntryExpiredListener<K, V>) listener).onExpired(iterable);
        }
    }

    /** Closes the listener and filter if they are Closeable. */
    void close() {
        closeQuietly(listener);
        closeQuietly(filter);
    }

    static void closeQuietly(Object resource) {
        try {
            if (resource instanceof Closeable closeable) {
                closeable.close();
            } else if (resource instanceof AutoCloseable closeable) {
                closeable.close();
            }
        } catch (IOException e) {
            // Closing is best effort; a listener that fails to close must not block the cache's close.
        } catch (Exception e) {
            // Same as above.
        }
    }
}
