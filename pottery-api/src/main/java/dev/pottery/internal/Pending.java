package dev.pottery.internal;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A command waiting in a master's lane, and where its reply goes. Settled once: by its reply, by a
 * failure, or abandoned when its caller stopped waiting; a droppable command settled before it was
 * sent is never sent.
 *
 * @param <T> the type of the reply
 */
final class Pending<T> {

    private final MasterCommand<T> command;
    /** Null for a command nobody waits for. */
    private final QuorumCall<T> call;
    private final int master;
    private final AtomicBoolean settled = new AtomicBoolean();

    Pending(MasterCommand<T> command, QuorumCall<T> call, int master) {
        this.command = command;
        this.call = call;
        this.master = master;
    }

    MasterCommand<T> command() {
        return command;
    }

    /** Whether it must still be sent: not settled yet, or a command that must run even late. */
    boolean toSend() {
        return !command.droppable() || !settled.get();
    }

    boolean droppable() {
        return command.droppable();
    }

    /** Delivers the reply, unless already settled. */
    @SuppressWarnings("unchecked")
    void succeed(Object reply) {
        if (settled.compareAndSet(false, true) && call != null) {
            call.deliver(master, (T) reply, null);
        }
    }

    /** Delivers a failure, unless already settled. */
    void fail(String reason) {
        if (settled.compareAndSet(false, true) && call != null) {
            call.deliver(master, null, reason);
        }
    }

    /** Delivers a stall: the master has been unhealthy for {@code unhealthyNanos}. Unless already settled. */
    void failStalled(String reason, long unhealthyNanos) {
        if (settled.compareAndSet(false, true) && call != null) {
            call.deliverStalled(master, reason, unhealthyNanos);
        }
    }

    /** Settles without delivering anything: the caller no longer waits. */
    void abandon() {
        settled.set(true);
    }

    @Override
    public String toString() {
        return command + " for master #" + master + (settled.get() ? " (settled)" : "");
    }
}
