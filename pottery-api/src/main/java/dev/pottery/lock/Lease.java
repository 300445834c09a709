package dev.pottery.lock;

/**
 * One acquisition of a Redlock: the random token stored on the masters, and how many times it was
 * extended. Touched only by the thread that holds the lock.
 */
final class Lease {

    private final String token;
    private int extensions;

    Lease(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }

    int extensions() {
        return extensions;
    }

    void extended() {
        extensions++;
    }
}
