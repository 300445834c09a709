package dev.pottery.jcache;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a Redis script reports an entry operation did; statistics, events and writers act on it afterwards.
 *
 * <pre>{@code
 * EntryReply reply = store.entry(EntryCall.of(EntryAction.PUT, key, value), durations);
 * if (reply.outcome() == Outcome.CREATED) { ... a CREATED event ... }
 * }</pre>
 */
enum Outcome {
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
    /** A conditional replace or remove found a different value (bytes). */
    MISMATCH,
    /** Nothing was stored: the entry would have expired on creation (or the call only released a lease). */
    NONE,
    /** A write-back found the entry changed since it was read. */
    CONFLICT,
    /** Another process holds the entry's lease: nothing was done; wait and call again. */
    LEASED,
    /** The caller's lease had ended (expired, and perhaps taken by another): nothing was done. */
    LOST;

    /** Whether the entry changed (and the change is to be reported). */
    boolean changed() {
        return this == CREATED || this == UPDATED || this == REMOVED;
    }

    static Outcome parse(Object reply) {
        String text = reply instanceof byte[] bytes
                ? new String(bytes, StandardCharsets.US_ASCII) : String.valueOf(reply);
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
