package dev.pottery;

/** No unused random key was found after several tries (Python pottery's {@code RandomKeyError}). */
public class RandomKeyException extends PotteryException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception, saying how many keys were tried. */
    public RandomKeyException(int tries) {
        super("could not find an unused random key after " + tries + " tries");
    }
}
