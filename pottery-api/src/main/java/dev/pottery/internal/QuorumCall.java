package dev.pottery.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * One command sent to the masters, counting the replies as they arrive until the outcome is known:
 * enough successes, too many refusals and failures for success to be possible, every master settled,
 * or the time limit ({@link #expire}). The outcome completes once, on the thread that settled it (a
 * lane, the timer or the caller); replies arriving later are ignored.
 *
 * <p>Masters are asked in the given order: the first {@code initial} at once, and one more for each
 * answer that is not a success while masters are left, so a call may start with just a quorum of
 * healthy masters and ask the others only when one of those refuses or fails.
 *
 * @param <T> the type of a reply
 */
final class QuorumCall<T> {

    private final List<String> names;
    private final Predicate<? super T> success;
    private final Replies<T> replies;
    private final List<MasterLane> lanes;
    private final MasterCommand<T> command;
    private final Replies<?> previous;
    private final int[] order;
    private final boolean[] settled;
    @SuppressWarnings("unchecked")
    private final Pending<T>[] pendings;
    private final CompletableFuture<Replies<T>> outcome = new CompletableFuture<>();
    // Guarded by this.
    private int asked;
    private int initial;
    private int unsettled;
    private boolean decided;
    /**
     * How many threads are handing the command to a lane right now (plus one while starting): the
     * outcome is published only when none is, so that a follow-up sent once it is known (a release)
     * is queued behind every command of this call on each master.
     */
    private int handingOver;
    private boolean published;
    private Future<?> timeout;

    /**
     * A call of {@code command} on {@code lanes}, in {@code order}; {@code previous} (may be null)
     * restricts it to the masters that command was sent to: the others count as refusals without
     * being asked, since the command cannot apply there.
     */
    @SuppressWarnings("unchecked")
    QuorumCall(List<String> names, List<MasterLane> lanes, MasterCommand<T> command, Replies<?> previous,
            Predicate<? super T> success, int needed, int[] order) {
        this.names = names;
        this.lanes = lanes;
        this.command = command;
        this.previous = previous;
        this.success = success;
        this.replies = new Replies<>(needed, names.size());
        this.order = order;
        this.settled = new boolean[names.size()];
        this.pendings = new Pending[names.size()];
    }

    /** Asks the first {@code initial} masters, then publishes the outcome if it is already known. */
    void start(int initialMasters) {
        synchronized (this) {
            initial = initialMasters;
            handingOver++;
        }
        try {
            askMore(initial);
        } finally {
            handedOver();
        }
    }

    /** One hand-over ended: publishes the outcome if it is known and no other hand-over is under way. */
    private void handedOver() {
        boolean publish;
        synchronized (this) {
            handingOver--;
            publish = mayPublish();
        }
        if (publish) {
            publish();
        }
    }

    /** With the monitor held: whether the outcome is to be published now (once). */
    private boolean mayPublish() {
        if (decided && handingOver == 0 && !published) {
            published = true;
            return true;
        }
        return false;
    }

    /**
     * Asks up to {@code count} more masters, unless none is left. The initial masters are all asked
     * even when the outcome is known before the last of them is (a lock is taken on every master, and
     * its release must reach every master its SET went to); masters beyond them only while it is not.
     */
    private void askMore(int count) {
        for (int i = 0; i < count; i++) {
            int master;
            Pending<T> pending;
            synchronized (this) {
                if (asked == order.length || (decided && asked >= initial)) {
                    return;
                }
                master = order[asked++];
                unsettled++;
                pending = new Pending<>(command, this, master);
                pendings[master] = pending;
                replies.sent(master, true);
                handingOver++;
            }
            try {
                if (previous != null && !previous.wasSent(master)) {
                    synchronized (this) {
                        replies.sent(master, false);
                    }
                    deliver(master, null, null, false);
                } else if (!lanes.get(master).submit(pending)) {
                    synchronized (this) {
                        replies.sent(master, false); // never queued, so it cannot run there
                    }
                }
            } finally {
                handedOver();
            }
        }
    }

    /** A master's reply ({@code error} null) or why it failed. */
    void deliver(int master, T value, String error) {
        deliver(master, value, error, true, -1);
    }

    /** The master's lane is stalled, and has been unhealthy for {@code unhealthyNanos}. */
    void deliverStalled(int master, String reason, long unhealthyNanos) {
        deliver(master, null, reason, true, unhealthyNanos);
    }

    private void deliver(int master, T value, String error, boolean asked) {
        deliver(master, value, error, asked, -1);
    }

    private void deliver(int master, T value, String error, boolean asked, long unhealthyNanos) {
        boolean publish;
        boolean askAnother;
        synchronized (this) {
            if (decided || settled[master]) {
                return;
            }
            settled[master] = true;
            unsettled--;
            boolean succeeded = false;
            if (error != null) {
                replies.failure(names.get(master), error, unhealthyNanos);
            } else if (asked && success.test(value)) {
                replies.success(value);
                succeeded = true;
            } else {
                replies.refusal(value);
            }
            boolean known = decide();
            askAnother = !succeeded && !known && this.asked < order.length;
            publish = mayPublish();
        }
        if (askAnother) {
            askMore(1);
        }
        if (publish) {
            publish();
        }
    }

    /** With the monitor held: whether the outcome is known now (masters not yet asked may still succeed). */
    private boolean decide() {
        int stillPossible = names.size() - replies.refusals() - replies.failures().size();
        if (replies.reached() || stillPossible < replies.needed() || (unsettled == 0 && asked == order.length)) {
            decided = true;
        }
        return decided;
    }

    /**
     * Ends the wait: masters asked that have not answered count as failed, and their commands are not
     * sent any more if they are still queued and droppable; masters not asked stay out of it.
     */
    void expire(String reason) {
        List<Pending<T>> abandoned = new ArrayList<>();
        boolean publish;
        synchronized (this) {
            if (decided) {
                return;
            }
            for (int i = 0; i < asked; i++) {
                int master = order[i];
                if (!settled[master]) {
                    settled[master] = true;
                    replies.failure(names.get(master), reason, -1);
                    abandoned.add(pendings[master]);
                }
            }
            unsettled = 0;
            decided = true;
            publish = mayPublish();
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
