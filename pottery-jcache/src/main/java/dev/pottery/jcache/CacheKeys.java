package dev.pottery.jcache;

import java.nio.charset.StandardCharsets;

/**
 * The Redis keys of one cache. All share the hash tag {@code {<prefix>:<namespace>:<cache>}}, so they sit in
 * one Redis Cluster slot and every script may touch them together.
 *
 * <pre>{@code
 * CacheKeys keys = CacheKeys.of("pottery:jcache", "default", "users");
 * keys.entries();   // "{pottery:jcache:default:users}:entries"
 * }</pre>
 *
 * @param entries the hash of encoded key to encoded value
 * @param expiry the sorted set of encoded key scored by expiry time (ms, Redis server clock)
 * @param config the string holding the cache's recorded configuration
 * @param subscribers the hash of cache instances (in any process) that listen to events; while it exists
 *                    the scripts publish every change
 * @param channel the pub/sub channel the scripts publish changes on
 */
public record CacheKeys(String entries, String expiry, String config, String subscribers, String channel) {

    /** The keys of cache {@code name} in {@code namespace} under {@code prefix}. */
    public static CacheKeys of(String prefix, String namespace, String name) {
        String tag = "{" + prefix + ":" + namespace + ":" + name + "}";
        return new CacheKeys(tag + ":entries", tag + ":expiry", tag + ":config", tag + ":subscribers",
                tag + ":events");
    }

    byte[] entriesBytes() {
        return entries.getBytes(StandardCharsets.UTF_8);
    }

    byte[] expiryBytes() {
        return expiry.getBytes(StandardCharsets.UTF_8);
    }

    byte[] subscribersBytes() {
        return subscribers.getBytes(StandardCharsets.UTF_8);
    }

    byte[] channelBytes() {
        return channel.getBytes(StandardCharsets.UTF_8);
    }

    byte[] configBytes() {
        return config.getBytes(StandardCharsets.UTF_8);
    }
}
