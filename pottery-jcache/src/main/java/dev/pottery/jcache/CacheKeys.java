package dev.pottery.jcache;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
 * @param fence the counter that gives each entry lease its fencing token
 * @param leasePrefix the prefix of an entry's lease key (followed by the encoded key)
 */
record CacheKeys(String entries, String expiry, String config, String subscribers, String channel, String fence,
                 String leasePrefix) {

    /** The keys of cache {@code name} in {@code namespace} under {@code prefix}. */
    static CacheKeys of(String prefix, String namespace, String name) {
        String tag = "{" + prefix + ":" + namespace + ":" + name + "}";
        return new CacheKeys(tag + ":entries", tag + ":expiry", tag + ":config", tag + ":subscribers",
                tag + ":events", tag + ":fence", tag + ":lease:");
    }

    /** The lease key of the entry whose encoded key is {@code key}. */
    byte[] lease(byte[] key) {
        byte[] prefix = utf8(leasePrefix);
        byte[] lease = Arrays.copyOf(prefix, prefix.length + key.length);
        System.arraycopy(key, 0, lease, prefix.length, key.length);
        return lease;
    }

    byte[] entriesBytes() {
        return utf8(entries);
    }

    byte[] expiryBytes() {
        return utf8(expiry);
    }

    byte[] subscribersBytes() {
        return utf8(subscribers);
    }

    byte[] channelBytes() {
        return utf8(channel);
    }

    byte[] configBytes() {
        return utf8(config);
    }

    byte[] fenceBytes() {
        return utf8(fence);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
