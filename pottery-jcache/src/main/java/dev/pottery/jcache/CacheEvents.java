package dev.pottery.jcache;

import dev.pottery.jcache.event.EventDispatcher;
import dev.pottery.jcache.event.EventSubscriber;
import dev.pottery.jcache.event.PotteryCacheEntryEvent;
import dev.pottery.jcache.event.RemoteEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.cache.CacheException;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.event.EventType;

/**
 * The events side of one cache: turns script results into events for this process's listeners, and, while
 * any listener is registered, marks the cache as listened-to in Redis (so its scripts publish every change)
 * and receives the changes other processes and managers make.
 *
 * <pre>{@code
 * List<PotteryCacheEntryEvent<K, V>> raised = new ArrayList<>();
 * events.changed(raised, key, value, result);   // CREATED / UPDATED / REMOVED as the script reported
 * events.dispatch(raised);
 * }</pre>
 *
 * <p>Each change reaches each listener once: in the process that made it directly (synchronous listeners
 * before the operation returns), elsewhere through the message the script published (skipped by the
 * instance that made it).
 *
 * @param <K> key type
 * @param <V> value type
 */
final class CacheEvents<K, V> {

    private final PotteryCache<K, V> cache;
    private final CacheStore<K, V> store;
    private final EventDispatcher<K, V> dispatcher;
    private final Supplier<EventSubscriber> subscriber;
    private final Consumer<RemoteEvent> remoteHandler = this::onRemote;
    private boolean listening;

    CacheEvents(PotteryCache<K, V> cache, CacheStore<K, V> store, Supplier<EventSubscriber> subscriber) {
        this.cache = cache;
        this.store = store;
        this.dispatcher = new EventDispatcher<>(cache.getName());
        this.subscriber = subscriber;
    }

    /** Whether this instance is marked in Redis as wanting other processes' changes. */
    synchronized boolean isListening() {
        return listening;
    }

    boolean hasListeners() {
        return dispatcher.hasListeners();
    }

    synchronized void register(CacheEntryListenerConfiguration<K, V> configuration) {
        dispatcher.register(configuration);
        if (!listening) {
            subscriber.get().watch(store.keys().channel(), remoteHandler);
            store.subscribe();
            listening = true;
        }
    }

    synchronized boolean deregister(CacheEntryListenerConfiguration<K, V> configuration) {
        boolean removed = dispatcher.deregister(configuration);
        if (listening && !dispatcher.hasListeners()) {
            stopListening();
        }
        return removed;
    }

    synchronized void close() {
        if (listening) {
            try {
                stopListening();
            } catch (CacheException e) {
                // Redis is unreachable; the stale mark only makes the scripts publish to nobody.
            }
        }
        dispatcher.close();
    }

    private void stopListening() {
        listening = false;
        subscriber.get().unwatch(store.keys().channel(), remoteHandler);
        store.unsubscribe();
    }

    void dispatch(List<PotteryCacheEntryEvent<K, V>> raised) {
        dispatcher.dispatch(raised);
    }

    /** Adds the EXPIRED event for an expired entry the script found, when anyone listens. */
    void expired(List<PotteryCacheEntryEvent<K, V>> raised, K key, EntryResult r) {
        if (r.expired() != null && hasListeners()) {
            V old = store.decodeValue(r.expired());
            raise(raised, EventType.EXPIRED, key, old, old);
        }
    }

    /** Adds EXPIRED events for expired entries a scan or sweep deleted, when anyone listens. */
    void expired(List<PotteryCacheEntryEvent<K, V>> raised, List<byte[][]> pairs) {
        if (pairs.isEmpty() || !hasListeners()) {
            return;
        }
        for (byte[][] pair : pairs) {
            V old = store.decodeValue(pair[1]);
            raise(raised, EventType.EXPIRED, store.decodeKey(pair[0]), old, old);
        }
    }

    /** Adds the CREATED, UPDATED or REMOVED event a result reports, when anyone listens. */
    void changed(List<PotteryCacheEntryEvent<K, V>> raised, K key, V value, EntryResult r) {
        if (!hasListeners()) {
            return;
        }
        switch (r.outcome()) {
            case CREATED -> raise(raised, EventType.CREATED, key, value, null);
            case UPDATED -> raise(raised, EventType.UPDATED, key, value, store.decodeValue(r.value()));
            case REMOVED -> {
                V old = store.decodeValue(r.value());
                raise(raised, EventType.REMOVED, key, old, old);
            }
            default -> { }
        }
    }

    void raise(List<PotteryCacheEntryEvent<K, V>> raised, EventType type, K key, V value, V old) {
        raised.add(new PotteryCacheEntryEvent<>(cache, type, key, value, old, old != null));
    }

    private void onRemote(RemoteEvent event) {
        if (event.origin().equals(store.origin()) || !hasListeners()) {
            return;
        }
        List<PotteryCacheEntryEvent<K, V>> raised = new ArrayList<>(1);
        V old = store.decodeValue(event.oldValue());
        raise(raised, event.type(), store.decodeKey(event.key()), store.decodeValue(event.value()), old);
        dispatcher.dispatchRemote(raised);
    }
}
