package dev.pottery.lock;

import dev.pottery.internal.Replies;

/**
 * One acquisition of a Redlock: the random token stored on the masters, how many times it was
 * extended, and the latest command sent for it, after which the next one runs on each master (so a
 * release never overtakes the SET or PEXPIRE before it). Touched only by the thread that holds the
 * lock, except {@link #latest()}, read by {@code locked()}.
 */
final class Lease {

    private final String token;
    private volatile Replies<?> latest;
    private int extensions;

    Lease(String token, Replies<?> acquired) {
        this.token = token;
        this.latest = acquired;
    }

    String token() {
        return token;
    }

    Replies<?> latest() {
        return latest;
    }

    void sent(Replies<?> command) {
        latest = command;
    }

    int extensions() {
        return extensions;
    }

    void extended() {
        extensions++;
    }
}
