package dev.pottery.spring.boot;

import javax.cache.CacheException;

/**
 * Redis did not answer when the application started ({@code pottery.cache.startup=check}). Spring Boot
 * reports it as one "APPLICATION FAILED TO START" message naming the address and the properties that gave it
 * (see {@link RedisUnavailableFailureAnalyzer}), not as a stack of nested exceptions.
 *
 * <pre>{@code
 * Pottery's caches cannot reach Redis at 127.0.0.1:6390 (from spring.data.redis.url): Connection refused
 * }</pre>
 */
public final class RedisUnavailableException extends CacheException {

    private static final long serialVersionUID = 1L;

    private final String address;
    private final String source;

    RedisUnavailableException(String address, String source, Throwable cause) {
        super("Pottery's caches cannot reach Redis at " + address + " (from " + source + "): " + rootMessage(cause),
                cause);
        this.address = address;
        this.source = source;
    }

    /** The address tried: {@code host:port}, or the cluster or sentinel nodes (never credentials). */
    public String address() {
        return address;
    }

    /** The Spring properties the address came from, e.g. {@code spring.data.redis.url}. */
    public String source() {
        return source;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
