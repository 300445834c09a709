package dev.pottery;

/**
 * A collection was created with initial data on a Redis key that already exists (Python pottery's
 * {@code KeyExistsError}): writing would silently merge with someone else's data.
 */
public class KeyExistsException extends PotteryException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for the given key. */
    public KeyExistsException(String key) {
        super("cannot create a collection with initial data on a key that already exists", key);
    }
}
