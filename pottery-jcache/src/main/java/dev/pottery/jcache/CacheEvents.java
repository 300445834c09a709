package dev.pottery.jcache;

import dev.pottery.jcache.event.EventDispatcher;
import dev.pottery.jcache.event.EventSubscriber;
import dev.pottery.jcache.event.PotteryCacheEntryEvent;
import dev.pottery.jcache.event.RemoteEvent;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.event.EventType;

/**
 * The events side of one cache: its listeners in this JVM and, while any is registered, the mark in Redis
 * that makes the cache's scripts publish every change, and the subscription that receives the changes other
 * processes and managers make.
 *
 * <pre>{@code
 * events.register(listenerConfiguration);
 * events.dispatch(List.of(new PotteryCacheEntryEvent<>(source, EventType.CREATED, "k", "v", null, false)));
 * }</pre>
 *
 * <p>Each change reaches each listener once: in the process that made it directly (synchronous listeners
 * before the operation returns), elsewhere through the message the script published (skipped by the
 * instance that made it). A {@link NearCache} listens too: every change another instance makes invalidates
 * what it keeps, and it follows the subscription's state (it serves only while the subscription is live).
 *
 * @param <K> key type
 * @param <V> value type
 */
final class CacheEvents<K, V> {

    private final EventDispatcher<K, V> dispatcher;
    private final CacheStore store;
    private final EntryCodec<K, V> codec;
    private final Supplier<EventSubscriber> subscriber;
    private final Consumer<RemoteEvent> remoteHandler = this::onRemote;
    private volatile Cache<K, V> source;
    private volatile NearCache near;
    private boolean listening;

    CacheEvents(String cacheName, CacheStore store, EntryCodec<K, V> codec, Supplier<EventSubscriber> subscriber) {
        this.dispatcher = new EventDispatcher<>(cacheName);
        this.store = store;
        this.codec = codec;
        this.subscriber = subscriber;
    }

    /** Names the cache events come from (their {@code getSource()}); set once, when the cache is built. */
    void attach(Cache<K, V> cache) {
        this.source = cache;
    }

    /** The cache events come from. */
    Cache<K, V> source() {
        return source;
    }

    /** Whether any listener is registered here (when none, operations build no events). */
    boolean hasListeners() {
        return dispatcher.hasListeners();
    }

    synchronized void register(CacheEntryListenerConfiguration<K, V> configuration) {
        dispatcher.register(configuration);
        listen();
    }

    /**
     * Makes {@code nearCache} hear of every change other instances make, and of the subscription's state; it
     * starts serving once the subscription is live (at once, if it is).
     */
    synchronized void attach(NearCache nearCache) {
        this.near = nearCache;
        listen();
        subscriber.get().addListener(nearCache);
    }

    /**
     * Renews this instance's mark in Redis while it listens (one HSET; every maintenance round). If the mark
     * was gone (a Redis restart, a FLUSHALL, a destroyCache elsewhere), other processes' changes since were
     * not published, so the near cache may have missed some: it empties.
     */
    synchronized void renewMark() {
        if (listening && store.subscribe() && near != null) {
            near.invalidateAll();
        }
    }

    synchronized boolean deregister(CacheEntryListenerConfiguration<K, V> configuration) {
        boolean removed = dispatcher.deregister(configuration);
        if (listening && !dispatcher.hasListeners() && near == null) {
            stopListening();
        }
        return removed;
    }

    private void listen() {
        if (!listening) {
            subscriber.get().watch(store.keys().channel(), remoteHandler);
            store.subscribe();
            listening = true;
        }
    }

    synchronized void close() {
        if (near != null) {
            subscriber.get().removeListener(near);
            near.close();
        }
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

    /** Delivers events this process's operation raised (synchronous listeners before it returns). */
    void dispatch(List<PotteryCacheEntryEvent<K, V>> raised) {
        dispatcher.dispatch(raised);
    }

    /** Delivers the EXPIRED events of entries a scan or sweep deleted, when anyone listens. */
    void expired(List<byte[][]> pairs) {
        if (pairs.isEmpty() || !hasListeners()) {
            return;
        }
        List<PotteryCacheEntryEvent<K, V>> raised = new java.util.ArrayList<>(pairs.size());
        for (byte[][] pair : pairs) {
            K key = codec.decodeKey(pair[0]);
            V old = oldValue(key, pair[1]);
            raised.add(new PotteryCacheEntryEvent<>(source, EventType.EXPIRED, key, old, old, old != null));
        }
        dispatch(raised);
    }

    /** An event's old value, or null (no old value available) when its bytes cannot be decoded. */
    private V oldValue(K key, byte[] bytes) {
        try {
            return codec.decodeValue(key, bytes);
        } catch (CacheException e) {
            return null;
        }
    }

    private void onRemote(RemoteEvent event) {
        if (event.origin().equals(store.origin())) {
            return;
        }
        NearCache nearCache = near;
        if (nearCache != null) {
            if (event.cleared()) {
                nearCache.invalidateAll();
            } else {
                nearCache.invalidate(event.key());
            }
        }
        if (event.cleared() || !hasListeners()) {
            return;
        }
        K key = codec.decodeKey(event.key());
        V old = oldValue(key, event.oldValue());
        dispatcher.dispatchRemote(List.of(new PotteryCacheEntryEvent<>(source, event.type(), key,
                codec.decodeValue(key, event.value()), old, old != null)));
    }
}
