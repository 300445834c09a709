package dev.pottery.examples;

import dev.pottery.id.NextId;
import dev.pottery.lock.HeldLock;
import dev.pottery.lock.Redlock;
import dev.pottery.time.ContextTimer;
import java.io.PrintStream;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/** The distributed part of the walkthrough: Redlock, NextId and ContextTimer over every master. */
final class CoordinationTour {

    private final List<UnifiedJedis> masters;
    private final PrintStream out;

    CoordinationTour(List<UnifiedJedis> masters, PrintStream out) {
        this.masters = masters;
        this.out = out;
    }

    void run() {
        Redlock printer = new Redlock("quickstart-printer", masters);
        try (ContextTimer timer = ContextTimer.started(); HeldLock held = printer.acquire()) {
            out.println("  Redlock on " + masters.size() + " master(s): held, " + printer.locked()
                    + " ms of validity left; acquiring took " + timer.elapsed() + " ms");
        }
        out.println("  after the try-with-resources block: locked() = " + printer.locked());
        String result = Redlock.synchronize("quickstart-report", masters, () -> "printed under the lock");
        out.println("  Redlock.synchronize(...) returned \"" + result + "\"");

        NextId ids = new NextId("quickstart-ids", masters);
        ids.reset();
        out.println("  NextId: " + ids.next() + ", " + ids.next() + ", " + ids.next());
        ids.reset();
    }
}
