package dev.pottery.jcache.event;

/**
 * Told when an {@link EventSubscriber}'s subscription becomes live and when it is lost, e.g. by a near cache
 * that must forget what it holds while it cannot hear about changes.
 *
 * <pre>{@code
 * subscriber.addListener(new SubscriptionListener() {
 *     public void onSubscribed() { nearCache.enable(); }
 *     public void onConnectionLost(Throwable cause) { nearCache.clearAndDisable(); }
 * });
 * }</pre>
 *
 * <p>Both are called on the subscriber's thread: they must return quickly and not throw (a throw is
 * ignored). They alternate: {@code onSubscribed} first, then {@code onConnectionLost}, then
 * {@code onSubscribed} again once the subscriber has reconnected and re-subscribed, and so on. A listener
 * added while the subscription is live is told {@code onSubscribed} at once.
 */
public interface SubscriptionListener {

    /** The subscription is live: every event published from now on is delivered. */
    void onSubscribed();

    /**
     * The subscription is lost (connection closed or reset, server down, or no answer to the health-check
     * PING): events published from now until the next {@link #onSubscribed()} are never delivered here.
     *
     * @param cause what ended it
     */
    void onConnectionLost(Throwable cause);
}
