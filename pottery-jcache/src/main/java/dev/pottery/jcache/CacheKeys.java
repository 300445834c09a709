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
 */
public record CacheKeys(String entries, String expiry, String config) {

    /** The keys of cache {@code name} in {@code namespace} under {@code prefix}. */
    public static CacheKeys of(String prefix, String namespace, String name) {
        String tag = "{" + prefix + ":" + namespace + ":" + name + "}";
        return new CacheKeys(tag + ":entries", tag + ":expiry", tag + ":config");
    }

    byte[] entriesBytes() {
        return entries.getBytes(StandardCharsets.UTF_8);
    }

    byte[] expiryBytes() {
        return expiry.getBytes(StandardCharsets.UTF_8);
    }

    byte[] configBytes() {
        return config.getBytes(StandardCharsets.UTF_8);
    }
}
