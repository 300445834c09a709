package dev.pottery.jcache.processor;

/**
 * What an entry processor did to its entry, decided after it returns.
 *
 * <pre>{@code
 * PotteryMutableEntry<K, V> entry = ...; processor.process(entry);
 * if (entry.action() == ProcessorAction.UPDATE) { ... write back, raise UPDATED ... }
 * }</pre>
 */
public enum ProcessorAction {
    /** Nothing read or changed. */
    NONE,
    /** The value was read (access expiry applies). */
    ACCESS,
    /** The value was read through the cache loader and is to be stored (no writer call). */
    LOAD,
    /** A new value for an absent entry. */
    CREATE,
    /** A new value for an existing entry. */
    UPDATE,
    /** The existing entry is to be removed. */
    REMOVE
}
