package dev.pottery.jcache;

import java.util.Locale;

/**
 * What a Redis script reports an entry operation did; statistics, events and writers act on it afterwards.
 *
 * <pre>{@code
 * EntryResult result = store.entry(EntryOp.PUT, key, value, durations);
 * if (result.outcome() == Outcome.CREATED) { ... raise a CREATED event ... }
 * }</pre>
 */
public enum Outcome {
    /** The entry was there (and not expired); it was read or touched. */
    HIT,
    /** The entry was absent (or expired). */
    MISS,
    /** A new entry was stored. */
    CREATED,
    /** An existing entry got a new value. */
    UPDATED,
    /** An existing entry was deleted. */
    REMOVED,
    /** putIfAbsent found an entry already there. */
    PRESENT,
    /** A conditional replace or remove found a different value. */
    MISMATCH,
    /** Nothing was stored: the entry would have expired on creation. */
    NONE,
    /** An entry processor's write-back found the entry changed since it was read. */
    CONFLICT,
    /** The script needs an expiry duration the client has not computed yet. */
    ASK;

    static Outcome parse(Object reply) {
        String text = reply instanceof byte[] bytes
                ? new String(bytes, java.nio.charset.StandardCharsets.US_ASCII) : String.valueOf(reply);
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
