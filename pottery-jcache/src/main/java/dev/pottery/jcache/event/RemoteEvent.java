package dev.pottery.jcache.event;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.cache.event.EventType;

/**
 * One change as a cache's Lua script published it for listeners in other processes: which cache instance
 * made it (its origin), the event type, and the encoded key, value and old value.
 *
 * <pre>{@code
 * RemoteEvent event = RemoteEvent.parse(message);   // "36:<origin>7:created3:<key>5:<value>-1:"
 * if (!event.origin().equals(myOrigin)) { ... deliver ... }
 * }</pre>
 *
 * <p>The wire format is five length-prefixed fields, {@code <decimal length>:<bytes>}, a length of -1
 * meaning absent.
 *
 * @param origin the id of the cache instance whose operation made the change
 * @param type the event type, or null for a {@linkplain #cleared() clear} of the whole cache
 * @param key the encoded key
 * @param value the encoded new value (for REMOVED and EXPIRED: the old one), or null
 * @param oldValue the encoded old value, or null
 */
public record RemoteEvent(String origin, EventType type, byte[] key, byte[] value, byte[] oldValue) {

    /** The kind a clear of the whole cache is published with. */
    private static final String CLEARED = "cleared";

    /** Parses a published message; IllegalArgumentException if it is not in the format above. */
    public static RemoteEvent parse(byte[] message) {
        byte[][] fields = new byte[5][];
        int at = 0;
        for (int i = 0; i < fields.length; i++) {
            int colon = at;
            while (colon < message.length && message[colon] != ':') {
                colon++;
            }
            if (colon == message.length) {
                throw new IllegalArgumentException("malformed JCache event message: field " + i + " has no length");
            }
            int length = Integer.parseInt(new String(message, at, colon - at, StandardCharsets.US_ASCII));
            at = colon + 1;
            if (length >= 0) {
                if (at + length > message.length) {
                    throw new IllegalArgumentException("malformed JCache event message: field " + i + " is cut short");
                }
                fields[i] = java.util.Arrays.copyOfRange(message, at, at + length);
                at += length;
            }
        }
        String kind = new String(fields[1], StandardCharsets.US_ASCII);
        return new RemoteEvent(new String(fields[0], StandardCharsets.US_ASCII),
                kind.equals(CLEARED) ? null : EventType.valueOf(kind.toUpperCase(Locale.ROOT)),
                fields[2], fields[3], fields[4]);
    }

    /**
     * Whether this announces that every entry was deleted at once ({@code Cache.clear()}, which raises no
     * per-entry events): near caches then drop everything they keep.
     */
    public boolean cleared() {
        return type == null;
    }
}
