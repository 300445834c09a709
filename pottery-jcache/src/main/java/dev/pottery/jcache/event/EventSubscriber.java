package dev.pottery.jcache.event;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import redis.clients.jedis.BinaryJedisPubSub;
import redis.clients.jedis.Connection;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * One cache manager's subscription to the events its caches' scripts publish: a daemon thread holding one
 * pattern subscription ({@code PSUBSCRIBE {<prefix>:*}:events}), started when the first listening cache
 * asks for it, handing each message to the caches watching that channel.
 *
 * <pre>{@code
 * EventSubscriber subscriber = new EventSubscriber(redis, "pottery:jcache", 2000);
 * subscriber.addListener(nearCacheInvalidation);        // told when the subscription is lost and back
 * subscriber.watch("{pottery:jcache:default:users}:events", event -> deliver(event));
 * }</pre>
 *
 * <p><b>Its own connection.</b> The subscription holds a connection of its own, made with the client's
 * settings but outside its pool ({@link DedicatedConnections}), so a pool of one still serves the caches'
 * commands. (A client of a type other than Jedis's standalone, cluster and sentinel clients subscribes
 * through the client itself, which for a pooled client holds one pooled connection.)
 *
 * <p><b>Reconnecting.</b> When the connection fails (server down or restarted, network reset) the thread
 * tells the {@link SubscriptionListener}s {@code onConnectionLost}, then connects again and re-subscribes,
 * waiting 100 ms after the first failure and twice as long after each further one, up to 5 s; once
 * subscribed again it tells them {@code onSubscribed}. A connection that stays open but stops answering (a
 * frozen server, a silent network) is found by a PING on the subscribed connection every
 * {@code readyTimeoutMillis}: after three intervals without an answer the connection is dropped and
 * re-made. Pub/sub delivers at most once: an event published while the subscription is down is not seen by
 * this process.
 */
public final class EventSubscriber {

    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5000;

    private final UnifiedJedis redis;
    private final Supplier<Connection> connections;
    private final byte[] pattern;
    private final long readyTimeoutMillis;
    private final Map<String, List<Consumer<RemoteEvent>>> watchers = new ConcurrentHashMap<>();
    private final List<SubscriptionListener> listeners = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch ready = new CountDownLatch(1);
    private volatile Subscription subscription;
    private volatile Connection connection;
    private volatile boolean live;
    private volatile boolean closed;
    private Thread thread;

    /** A subscriber for all caches under {@code keyPrefix}; {@code readyTimeoutMillis} bounds the wait for Redis. */
    public EventSubscriber(UnifiedJedis redis, String keyPrefix, long readyTimeoutMillis) {
        this.redis = redis;
        this.connections = DedicatedConnections.of(redis);
        this.pattern = ("{" + escapeGlob(keyPrefix) + ":*}:events").getBytes(StandardCharsets.UTF_8);
        this.readyTimeoutMillis = readyTimeoutMillis;
    }

    /** Hands events published on {@code channel} to {@code handler}; returns once the subscription is live. */
    public void watch(String channel, Consumer<RemoteEvent> handler) {
        watchers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(handler);
        start();
        awaitLive(readyTimeoutMillis);
    }

    /** Stops handing {@code channel}'s events to {@code handler}. */
    public void unwatch(String channel, Consumer<RemoteEvent> handler) {
        List<Consumer<RemoteEvent>> handlers = watchers.get(channel);
        if (handlers != null) {
            handlers.remove(handler);
        }
    }

    /**
     * Tells {@code listener} when the subscription is lost and live again (at once, if it is live now), and
     * starts the subscription if it has not started.
     */
    public void addListener(SubscriptionListener listener) {
        listeners.add(listener);
        start();
        if (live) {
            notify(listener, null);
        }
    }

    /** Stops telling {@code listener}. */
    public void removeListener(SubscriptionListener listener) {
        listeners.remove(listener);
    }

    /** Whether the subscription is live now. */
    public boolean isSubscribed() {
        return live;
    }

    /** Waits up to {@code millis} for the subscription to be live; whether it is. */
    public boolean awaitLive(long millis) {
        try {
            return ready.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return live;
        }
    }

    /** Ends the subscription, its connection and its thread. */
    public synchronized void close() {
        closed = true;
        Subscription current = subscription;
        if (current != null && current.isSubscribed()) {
            try {
                current.punsubscribe();
            } catch (RuntimeException e) {
                // The connection is already gone; the thread ends on its own.
            }
        }
        disconnect();
        if (thread != null) {
            thread.interrupt();
        }
    }

    private synchronized void start() {
        if (thread != null || closed) {
            return;
        }
        thread = new Thread(this::run, "pottery-jcache-subscriber");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long backoff = FIRST_BACKOFF_MILLIS;
        while (!closed) {
            Subscription attempt = new Subscription();
            subscription = attempt;
            Throwable cause = null;
            try {
                if (connections == null) {
                    redis.psubscribe(attempt, pattern);
                } else {
                    connection = connections.get();
                    if (closed) {
                        break;
                    }
                    attempt.proceedWithPatterns(connection, pattern);
                }
                cause = new JedisConnectionException("the subscription ended");
            } catch (RuntimeException e) {
                cause = e;
            } finally {
                attempt.stopPinger();
                disconnect();
            }
            if (attempt.subscribedOnce) {
                backoff = FIRST_BACKOFF_MILLIS;
            }
            if (closed) {
                break;
            }
            lost(cause);
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException interrupted) {
                return;
            }
            backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
        }
        if (live) {
            lost(new JedisConnectionException("the subscriber was closed"));
        }
    }

    private void disconnect() {
        Connection current = connection;
        connection = null;
        if (current != null) {
            try {
                current.close();
            } catch (RuntimeException e) {
                // already broken
            }
        }
    }

    private void subscribed() {
        live = true;
        ready.countDown();
        for (SubscriptionListener listener : listeners) {
            notify(listener, null);
        }
    }

    private void lost(Throwable cause) {
        if (!live) {
            return;
        }
        live = false;
        ready = new CountDownLatch(1);
        for (SubscriptionListener listener : listeners) {
            notify(listener, cause);
        }
    }

    private static void notify(SubscriptionListener listener, Throwable lostBecause) {
        try {
            if (lostBecause == null) {
                listener.onSubscribed();
            } else {
                listener.onConnectionLost(lostBecause);
            }
        } catch (RuntimeException e) {
            // A listener's failure must not stop the subscription.
        }
    }

    private static String escapeGlob(String text) {
        return text.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }

    /** The pub/sub callbacks of one connection, with its health check. */
    private final class Subscription extends BinaryJedisPubSub {

        private volatile boolean subscribedOnce;
        private volatile long lastAnswerNanos = System.nanoTime();
        private Thread pinger;

        @Override
        public void onPSubscribe(byte[] subscribedPattern, int subscribedChannels) {
            subscribedOnce = true;
            lastAnswerNanos = System.nanoTime();
            if (connection != null) {
                startPinger();
            }
            subscribed();
        }

        @Override
        public void onPong(byte[] pong) {
            lastAnswerNanos = System.nanoTime();
        }

        @Override
        public void onPUnsubscribe(byte[] unsubscribedPattern, int subscribedChannels) {
            stopPinger();
        }

        @Override
        public void onPMessage(byte[] subscribedPattern, byte[] channel, byte[] message) {
            lastAnswerNanos = System.nanoTime();
            List<Consumer<RemoteEvent>> handlers = watchers.get(new String(channel, StandardCharsets.UTF_8));
            if (handlers == null || handlers.isEmpty()) {
                return;
            }
            RemoteEvent event;
            try {
                event = RemoteEvent.parse(message);
            } catch (RuntimeException e) {
                return;   // not one of ours
            }
            for (Consumer<RemoteEvent> handler : handlers) {
                try {
                    handler.accept(event);
                } catch (RuntimeException e) {
                    // One cache's failing listener must not stop the others' events.
                }
            }
        }

        /** PINGs the subscribed connection; drops it when three intervals pass without any answer. */
        private synchronized void startPinger() {
            if (pinger != null) {
                return;
            }
            long interval = Math.max(100, readyTimeoutMillis);
            Connection watched = connection;
            pinger = new Thread(() -> {
                while (!closed && subscription == this && isSubscribed()) {
                    try {
                        Thread.sleep(interval);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (System.nanoTime() - lastAnswerNanos > TimeUnit.MILLISECONDS.toNanos(3 * interval)) {
                        watched.close();   // the subscribed thread's read fails, and it reconnects
                        return;
                    }
                    try {
                        ping();
                    } catch (RuntimeException e) {
                        watched.close();
                        return;
                    }
                }
            }, "pottery-jcache-subscriber-ping");
            pinger.setDaemon(true);
            pinger.start();
        }

        private synchronized void stopPinger() {
            if (pinger != null) {
                pinger.interrupt();
            }
        }
    }
}
