package dev.pottery.internal;

import dev.pottery.RandomKeyException;
import java.security.SecureRandom;
import redis.clients.jedis.UnifiedJedis;

/**
 * Random key names as Python pottery makes them: {@code pottery:} and 16 characters of
 * {@code [0-9a-zA-Z]}, retried while the key exists.
 */
public final class RandomKeys {

    /** The prefix of every random key. */
    public static final String PREFIX = "pottery:";

    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final int LENGTH = 16;
    private static final int TRIES = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomKeys() {
    }

    /** A random key name, without checking Redis. */
    public static String candidate() {
        StringBuilder key = new StringBuilder(PREFIX);
        for (int i = 0; i < LENGTH; i++) {
            key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return key.toString();
    }

    /**
     * A random key that does not exist in {@code redis} right now.
     *
     * @throws RandomKeyException after three keys that all existed
     */
    public static String unused(UnifiedJedis redis) {
        for (int i = 0; i < TRIES; i++) {
            String key = candidate();
            if (!redis.exists(key)) {
                return key;
            }
        }
        throw new RandomKeyException(TRIES);
    }
}
