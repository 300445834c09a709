package dev.pottery.jcache.processor;

import java.util.function.Function;
import javax.cache.processor.MutableEntry;

/**
 * The entry an {@code EntryProcessor} works on: a local copy of the entry as read from Redis, recording what
 * the processor does so the cache can write it back in one step.
 *
 * <pre>{@code
 * PotteryMutableEntry<String, Integer> entry = new PotteryMutableEntry<>("hits", 41, key -> null);
 * entry.setValue(entry.getValue() + 1);
 * entry.action();   // UPDATE
 * }</pre>
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class PotteryMutableEntry<K, V> implements MutableEntry<K, V> {

    private final K key;
    private final boolean existed;
    private final Function<K, V> loader;
    private V value;
    private ProcessorAction action = ProcessorAction.NONE;

    /**
     * An entry for {@code key} whose stored value is {@code original} (null if absent); {@code loader} gives
     * the value of an absent entry when the processor reads it (read-through), or null.
     */
    public PotteryMutableEntry(K key, V original, Function<K, V> loader) {
        this.key = key;
        this.existed = original != null;
        this.value = original;
        this.loader = loader;
    }

    @Override
    public K getKey() {
        return key;
    }

    @Override
    public boolean exists() {
        return value != null;
    }

    /** Reads the value; on an absent entry of a read-through cache the loader is asked (LOAD). */
    @Override
    public V getValue() {
        if (value != null) {
            if (action == ProcessorAction.NONE) {
                action = ProcessorAction.ACCESS;
            }
        } else {
            value = loader.apply(key);
            if (value != null) {
                action = ProcessorAction.LOAD;
            }
        }
        return value;
    }

    @Override
    public void setValue(V newValue) {
        if (newValue == null) {
            throw new NullPointerException("an entry processor may not set a null value");
        }
        action = existed ? ProcessorAction.UPDATE : ProcessorAction.CREATE;
        value = newValue;
    }

    @Override
    public void remove() {
        action = action == ProcessorAction.CREATE || action == ProcessorAction.LOAD
                ? ProcessorAction.NONE : ProcessorAction.REMOVE;
        value = null;
    }

    /** What the processor did. */
    public ProcessorAction action() {
        return action;
    }

    /** Whether the entry existed when it was read. */
    public boolean existed() {
        return existed;
    }

    /** The value now (after the processor), or null. */
    public V currentValue() {
        return value;
    }

    @Override
    public <T> T unwrap(Class<T> clazz) {
        if (clazz.isInstance(this)) {
            return clazz.cast(this);
        }
        throw new IllegalArgumentException("a mutable entry cannot be unwrapped to " + clazz.getName());
    }
}
