package dev.pottery.examples;

import dev.pottery.codec.JsonCodec;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;

/**
 * Pottery's walkthrough in Java, against a real Redis: run it with
 * {@code ./mvnw -q -pl pottery-examples -am package exec:java -DskipTests}.
 *
 * <p>Uses {@code REDIS_URL} when set, else starts throwaway local servers, and says which.
 * Each step prints what it did, and what Redis now holds, so the output doubles as a tour.
 */
public final class Quickstart {

    private final PrintStream out;

    Quickstart(PrintStream out) {
        this.out = out;
    }

    /** Runs the walkthrough against {@code REDIS_URL} or throwaway servers. */
    public static void main(String[] args) {
        new Quickstart(System.out).run(System.getenv("REDIS_URL"));
    }

    void run(String redisUrl) {
        try (QuickstartRedis redis = QuickstartRedis.open(redisUrl)) {
            out.println("Pottery quickstart: " + redis.description());
            codecs(redis.redis());
            step("Collections: java.util interfaces, data in Redis, shared with every process (and Python)");
            new CollectionsTour(redis.redis(), out).run();
            step("Distributed coordination over independent masters: Redlock, NextId, ContextTimer");
            new CoordinationTour(redis.masters(), out).run();
            step("JCache: a JSR-107 provider whose caches live in Redis");
            new JCacheTour(redis.url(), out).run();
            out.println();
            out.println("Done.");
        }
    }

    private void codecs(UnifiedJedis redis) {
        step("Values are stored as Python pottery stores them: json.dumps(value, sort_keys=True)");
        Object value = Map.of("name", "Rajiv", "languages", List.of("Python", "Java"), "score", 9.5);
        byte[] bytes = JsonCodec.natural().encode(value);
        redis.set("quickstart:json".getBytes(StandardCharsets.UTF_8), bytes);
        out.println("  stored " + value + " as " + new String(redis.get("quickstart:json".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.US_ASCII));
        redis.del("quickstart:json");
    }

    private void step(String title) {
        out.println();
        out.println("== " + title);
    }
}
