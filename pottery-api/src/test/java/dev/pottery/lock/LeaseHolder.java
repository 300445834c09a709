package dev.pottery.lock;

import dev.pottery.ChildProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * A child JVM that takes {@code Redlock("printer")} with a 1 s lease renewed by the watchdog, says so
 * by setting {@code holder-ready} on the first master, and holds it until it is killed.
 */
public final class LeaseHolder {

    private LeaseHolder() {
    }

    /** {@code <master-port>...}. */
    public static void main(String[] args) throws InterruptedException {
        List<UnifiedJedis> masters = new ArrayList<>();
        for (String port : args) {
            masters.add(RedisClient.create("127.0.0.1", Integer.parseInt(port)));
        }
        Redlock lock = Redlock.builder("printer", masters).autoReleaseTime(Duration.ofSeconds(1)).autoRenew(true).build();
        lock.lock();
        masters.get(0).set("holder-ready", "1");
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Starts a holder in a new JVM with the test class path. */
    static Process start(List<Integer> masterPorts) throws IOException {
        return ChildProcess.startJvm(LeaseHolder.class, masterPorts.stream().map(String::valueOf).toList());
    }
}
