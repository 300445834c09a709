package dev.pottery.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * One command sent to every master, counting the replies as they arrive until the outcome is known:
 * enough successes, too many refusals and failures for success to be possible, every master settled,
 * or the time limit ({@link #expire}). The outcome completes once, on the thread that settled it (a
 * lane, the timer or the caller); replies arriving later are ignored.
 *
 * @param <T> the type of a reply
 */
final class QuorumCall<T> {

    private final List<String> names;
    private final Predicate<? super T> success;
    private final Replies<T> replies;
    private final boolean[] settled;
    private final List<Pending<T>> pendings;
    private final CompletableFuture<Replies<T>> outcome = new CompletableFuture<>();
    private int unsettled;
    private boolean decided;
    /** Whether every master has been handed its command: the outcome is published only after that. */
    private boolean started;
    private Future<?> timeout;

    QuorumCall(List<String> names, Predicate<? super T> success, int needed) {
        this.names = names;
        this.success = success;
        this.replies = new Replies<>(needed, names.size());
        this.settled = new boolean[names.size()];
        this.pendings = new ArrayList<>(names.size());
        this.unsettled = names.size();
    }

    /**
     * Hands the command to each master's lane, skipping the masters where {@code previous} was not
     * sent (they count as refusals: the command cannot apply there), then publishes the outcome if it
     * is already known.
     */
    void start(Replies<?> previous, List<MasterLane> lanes, MasterCommand<T> command) {
        for (int i = 0; i < lanes.size(); i++) {
            if (previous != null && !previous.wasSent(i)) {
                pendings.add(null);
                deliver(i, null, null, false);
                continue;
            }
            Pending<T> pending = new Pending<>(command, this, i);
            pendings.add(pending);
            if (lanes.get(i).submit(pending)) {
                synchronized (this) {
                    replies.sent(i);
                }
            }
        }
        boolean publish;
        synchronized (this) {
            started = true;
            publish = decided;
        }
        if (publish) {
            outcome.complete(replies);
        }
    }

    /** A master's reply ({@code error} null) or why it failed. */
    void deliver(int master, T value, String error) {
        deliver(master, value, error, true);
    }

    private void deliver(int master, T value, String error, boolean asked) {
        boolean publish;
        synchronized (this) {
            if (decided || settled[master]) {
                return;
            }
            settled[master] = true;
            unsettled--;
            if (error != null) {
                replies.failure(names.get(master), error);
            } else if (asked && success.test(value)) {
                replies.success(value);
            } else {
                replies.refusal(value);
            }
            publish = decide() && started;
        }
        if (publish) {
            publish();
        }
    }

    /** With the monitor held: whether the outcome is known now. */
    private boolean decide() {
        int stillPossible = names.size() - replies.refusals() - replies.failures().size();
        if (replies.reached() || stillPossible < replies.needed() || unsettled == 0) {
            decided = true;
        }
        return decided;
    }

    /**
     * Ends the wait: masters that have not answered count as failed, and their commands are not sent
     * any more if they are still queued and droppable.
     */
    void expire(String reason) {
        List<Pending<T>> abandoned = new ArrayList<>();
        boolean publish;
        synchronized (this) {
            if (decided) {
                return;
            }
            for (int i = 0; i < settled.length; i++) {
                if (!settled[i]) {
                    settled[i] = true;
                    replies.failure(names.get(i), reason);
                    Pending<T> pending = i < pendings.size() ? pendings.get(i) : null;
                    if (pending != null) {
                        abandoned.add(pending);
                    }
                }
            }
            unsettled = 0;
            decided = true;
            publish = started;
        }
        abandoned.forEach(Pending::abandon);
        if (publish) {
            publish();
        }
    }

    /** Cancels this timer when the outcome is known. */
    synchronized void timeoutBy(Future<?> timer) {
        this.timeout = timer;
        if (decided) {
            timer.cancel(false);
        }
    }

    private void publish() {
        Future<?> timer;
        synchronized (this) {
            timer = timeout;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        outcome.complete(replies);
    }

    CompletableFuture<Replies<T>> outcome() {
        return outcome;
    }
}
