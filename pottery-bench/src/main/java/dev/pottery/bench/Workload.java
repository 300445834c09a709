package dev.pottery.bench;

import java.util.concurrent.ThreadLocalRandom;

/** The shape of the data every benchmark works on: 10,000 keys, values of about 100 bytes. */
final class Workload {

    static final int KEYS = 10_000;
    static final int VALUE_BYTES = 100;
    static final int BATCH = 100;

    private static final String[] KEY_NAMES = new String[KEYS];
    private static final String VALUE = "v".repeat(VALUE_BYTES - 2); // plus JSON quotes: 100 bytes

    static {
        for (int i = 0; i < KEYS; i++) {
            KEY_NAMES[i] = "key-" + i;
        }
    }

    private Workload() {
    }

    static String randomKey() {
        return KEY_NAMES[ThreadLocalRandom.current().nextInt(KEYS)];
    }

    static String key(int i) {
        return KEY_NAMES[i];
    }

    static String value() {
        return VALUE;
    }

    /** A JSON-encoded value of the same size, for floors that write what Pottery would write. */
    static String encodedValue() {
        return "\"" + VALUE + "\"";
    }
}
