package dev.pottery.jcache.event;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryListenerException;

/**
 * Delivers a cache's events to its registered listeners after each operation.
 *
 * <pre>{@code
 * EventDispatcher<String, String> events = new EventDispatcher<>("users");
 * events.register(listenerConfiguration);
 * events.dispatch(List.of(new PotteryCacheEntryEvent<>(cache, EventType.CREATED, "k", "v", null, false)));
 * }</pre>
 *
 * <p>Synchronous listeners run on the caller's thread before the operation returns; an exception they throw
 * reaches the caller as a {@link CacheEntryListenerException} (an Error as it is). Asynchronous listeners
 * run on one event thread per cache, which keeps every listener's events in the order they happened; their
 * exceptions are dropped, as the caller has moved on.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class EventDispatcher<K, V> {

    private final String cacheName;
    private final List<ListenerRegistration<K, V>> registrations = new CopyOnWriteArrayList<>();
    private volatile ExecutorService asyncThread;

    /** A dispatcher for the named cache (the name labels its event thread). */
    public EventDispatcher(String cacheName) {
        this.cacheName = cacheName;
    }

    /** Builds and adds a listener; IllegalArgumentException if this configuration is already registered. */
    public void register(CacheEntryListenerConfiguration<K, V> configuration) {
        for (ListenerRegistration<K, V> registration : registrations) {
            if (registration.configuration().equals(configuration)) {
                throw new IllegalArgumentException("listener configuration already registered: " + configuration);
            }
        }
        registrations.add(new ListenerRegistration<>(configuration));
    }

    /** Removes and closes the listener registered with this configuration; false if there was none. */
    public boolean deregister(CacheEntryListenerConfiguration<K, V> configuration) {
        for (ListenerRegistration<K, V> registration : registrations) {
            if (registration.configuration().equals(configuration)) {
                registrations.remove(registration);
                registration.close();
                return true;
            }
        }
        return false;
    }

    /** Whether any listener is registered (when none, operations skip building events). */
    public boolean hasListeners() {
        return !registrations.isEmpty();
    }

    /** Delivers events in order to every listener that accepts them. */
    public void dispatch(List<PotteryCacheEntryEvent<K, V>> events) {
        if (events.isEmpty() || registrations.isEmpty()) {
            return;
        }
        CacheEntryListenerException failure = null;
        for (ListenerRegistration<K, V> registration : registrations) {
            List<List<CacheEntryEvent<? extends K, ? extends V>>> runs = runsOfOneType(registration, events);
            if (runs.isEmpty()) {
                continue;
            }
            if (registration.isSynchronous()) {
                for (List<CacheEntryEvent<? extends K, ? extends V>> run : runs) {
                    try {
                        registration.deliver(run);
                    } catch (CacheEntryListenerException e) {
                        failure = failure == null ? e : failure;
                    } catch (RuntimeException e) {
                        failure = failure == null ? new CacheEntryListenerException(e) : failure;
                    }
                }
            } else {
                asyncThread().execute(() -> {
                    for (List<CacheEntryEvent<? extends K, ? extends V>> run : runs) {
                        try {
                            registration.deliver(run);
                        } catch (RuntimeException e) {
                            // Nobody waits for an asynchronous listener; its failure stays with it.
                        }
                    }
                });
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Delivers events another process (or another manager's instance of this cache) caused. They reach
     * every accepting listener on the event thread: a synchronous listener cannot hold up an operation that
     * ran elsewhere.
     */
    public void dispatchRemote(List<PotteryCacheEntryEvent<K, V>> events) {
        for (ListenerRegistration<K, V> registration : registrations) {
            List<List<CacheEntryEvent<? extends K, ? extends V>>> runs = runsOfOneType(registration, events);
            if (runs.isEmpty()) {
                continue;
            }
            asyncThread().execute(() -> {
                for (List<CacheEntryEvent<? extends K, ? extends V>> run : runs) {
                    try {
                        registration.deliver(run);
                    } catch (RuntimeException e) {
                        // As for asynchronous listeners: nobody waits for this delivery.
                    }
                }
            });
        }
    }

    /** Closes every listener and stops the event thread after it has delivered what it holds. */
    public void close() {
        ExecutorService thread = asyncThread;
        if (thread != null) {
            thread.shutdown();
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (ListenerRegistration<K, V> registration : registrations) {
            registration.close();
        }
        registrations.clear();
    }

    private List<List<CacheEntryEvent<? extends K, ? extends V>>> runsOfOneType(
            ListenerRegistration<K, V> registration, List<PotteryCacheEntryEvent<K, V>> events) {
        List<List<CacheEntryEvent<? extends K, ? extends V>>> runs = new ArrayList<>();
        List<CacheEntryEvent<? extends K, ? extends V>> run = null;
        for (PotteryCacheEntryEvent<K, V> event : events) {
            if (!registration.accepts(event)) {
                continue;
            }
            if (run == null || run.get(0).getEventType() != event.getEventType()) {
                run = new ArrayList<>();
                runs.add(run);
            }
            run.add(event);
        }
        return runs;
    }

    private ExecutorService asyncThread() {
        ExecutorService thread = asyncThread;
        if (thread == null) {
            synchronized (this) {
                thread = asyncThread;
                if (thread == null) {
                    thread = Executors.newSingleThreadExecutor(task -> {
                        Thread t = new Thread(task, "pottery-jcache-events-" + cacheName);
                        t.setDaemon(true);
                        return t;
                    });
                    asyncThread = thread;
                }
            }
        }
        return thread;
    }
}
