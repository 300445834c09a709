package dev.pottery.jcache;

import java.time.temporal.TemporalAccessor;
import java.util.UUID;

/**
 * The parts every exception Pottery's caches throw is built from: which cache, which key, which Redis.
 *
 * <pre>{@code
 * throw new CacheException("cannot read " + FailureText.key(key) + " of " + FailureText.cache(name, address));
 * // "cannot read key 'isbn-1' of cache books (Redis 10.0.0.5:6379)"
 * }</pre>
 *
 * <p>A key is shown only when it is a plain value (text, number, UUID, enum, boolean, date/time), and cut
 * to 80 characters; any other key object is shown by its type, so that a message (and the log it lands in)
 * never carries a whole object graph — or whatever such an object's {@code toString} reveals.
 */
public final class FailureText {

    private static final int MAX_KEY_CHARS = 80;

    private FailureText() {
    }

    /** "key 'text'" for plain keys, "a key of type T" for others, "no key" for null. */
    public static String key(Object key) {
        if (key == null) {
            return "no key";
        }
        if (key instanceof CharSequence || key instanceof Number || key instanceof UUID || key instanceof Enum<?>
                || key instanceof Boolean || key instanceof Character || key instanceof TemporalAccessor) {
            String text = String.valueOf(key);
            if (text.length() > MAX_KEY_CHARS) {
                text = text.substring(0, MAX_KEY_CHARS) + "...";
            }
            return "key '" + text + "'";
        }
        return "a key of type " + key.getClass().getName();
    }

    /** "cache NAME (Redis ADDRESS)". */
    public static String cache(String name, String address) {
        return "cache " + name + " (Redis " + address + ")";
    }
}
