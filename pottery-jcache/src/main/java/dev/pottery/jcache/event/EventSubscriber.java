package dev.pottery.jcache.event;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import redis.clients.jedis.BinaryJedisPubSub;
import redis.clients.jedis.UnifiedJedis;

/**
 * One cache manager's subscription to the events its caches' scripts publish: a daemon thread holding one
 * pattern subscription ({@code PSUBSCRIBE {<prefix>:*}:events}), started when the first listening cache
 * asks for it, handing each message to the caches watching that channel.
 *
 * <pre>{@code
 * EventSubscriber subscriber = new EventSubscriber(redis, "pottery:jcache", 2000);
 * subscriber.watch("{pottery:jcache:default:users}:events", event -> deliver(event));
 * }</pre>
 *
 * <p>Pub/sub delivers at most once: an event published while the subscription is broken (a network
 * failure; the thread resubscribes) is not seen by this process.
 */
public final class EventSubscriber {

    private final UnifiedJedis redis;
    private final byte[] pattern;
    private final long readyTimeoutMillis;
    private final Map<String, List<Consumer<RemoteEvent>>> watchers = new ConcurrentHashMap<>();
    private final Subscription subscription = new Subscription();
    private volatile CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean closed;
    private Thread thread;

    /** A subscriber for all caches under {@code keyPrefix}; {@code readyTimeoutMillis} bounds the wait for Redis. */
    public EventSubscriber(UnifiedJedis redis, String keyPrefix, long readyTimeoutMillis) {
        this.redis = redis;
        this.pattern = ("{" + escapeGlob(keyPrefix) + ":*}:events").getBytes(StandardCharsets.UTF_8);
        this.readyTimeoutMillis = readyTimeoutMillis;
    }

    /** Hands events published on {@code channel} to {@code handler}; returns once the subscription is live. */
    public void watch(String channel, Consumer<RemoteEvent> handler) {
        watchers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(handler);
        start();
        try {
            ready.await(readyTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops handing {@code channel}'s events to {@code handler}. */
    public void unwatch(String channel, Consumer<RemoteEvent> handler) {
        List<Consumer<RemoteEvent>> handlers = watchers.get(channel);
        if (handlers != null) {
            handlers.remove(handler);
        }
    }

    /** Ends the subscription and its thread. */
    public synchronized void close() {
        closed = true;
        if (subscription.isSubscribed()) {
            try {
                subscription.punsubscribe();
            } catch (RuntimeException e) {
                // The connection is already gone; the thread ends on its own.
            }
        }
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
        while (!closed) {
            try {
                redis.psubscribe(subscription, pattern);
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                ready = new CountDownLatch(1);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private static String escapeGlob(String text) {
        return text.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }

    /** The pub/sub callbacks. */
    private final class Subscription extends BinaryJedisPubSub {

        @Override
        public void onPSubscribe(byte[] subscribedPattern, int subscribedChannels) {
            ready.countDown();
        }

        @Override
        public void onPMessage(byte[] subscribedPattern, byte[] channel, byte[] message) {
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
    }
}
