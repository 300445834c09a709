package dev.pottery.jcache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javax.cache.Cache;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;

/**
 * Counts the commands a cache sends (each a round trip) and checks on the server (INFO commandstats) that
 * the one command is EVALSHA: the script ran from the server's cache, not re-sent.
 */
@RedisServers
class RoundTripTest {

    private Managers managers;
    private CountingJedis client;
    private Cache<String, String> cache;

    @BeforeEach
    void open(RedisServer server) {
        managers = new Managers(server);
        client = CountingJedis.connect(server);
        cache = managers.openWith("counted", client).createCache("counted", new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setExpiryPolicyFactory(AccessedExpiryPolicy.factoryOf(Duration.ONE_HOUR)));
        cache.put("present", "value");   // also loads the scripts, so later calls are EVALSHA only
        cache.getAll(java.util.Set.of("present"));
    }

    @AfterEach
    void close() {
        managers.close();
        client.close();
    }

    @Test
    void everySingleEntryOperationIsOneScriptCall(UnifiedJedis redis) {
        Map<String, Consumer<Cache<String, String>>> operations = new LinkedHashMap<>();
        operations.put("get", c -> c.get("present"));
        operations.put("get (miss)", c -> c.get("absent"));
        operations.put("containsKey", c -> c.containsKey("present"));
        operations.put("put", c -> c.put("present", "v2"));
        operations.put("getAndPut", c -> c.getAndPut("present", "v3"));
        operations.put("putIfAbsent", c -> c.putIfAbsent("other", "v"));
        operations.put("replace", c -> c.replace("present", "v4"));
        operations.put("replace(k, old, new)", c -> c.replace("present", "v4", "v5"));
        operations.put("getAndReplace", c -> c.getAndReplace("present", "v6"));
        operations.put("remove(k, v)", c -> c.remove("other", "v"));
        operations.put("getAndRemove", c -> c.getAndRemove("present"));
        operations.put("remove", c -> c.remove("absent"));

        Map<String, Integer> roundTrips = new LinkedHashMap<>();
        Map<String, Long> evalshas = new LinkedHashMap<>();
        operations.forEach((name, operation) -> evalshas.put(name, evalshaCalls(redis,
                () -> roundTrips.put(name, client.roundTripsOf(() -> operation.accept(cache))))));

        assertThat(roundTrips).allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
        assertThat(evalshas).allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1L));
    }

    @Test
    void batchesAreOneScriptCallEach(UnifiedJedis redis) {
        Map<String, String> entries = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            entries.put("k" + i, "v" + i);
        }
        assertThat(client.roundTripsOf(() -> cache.putAll(entries))).isEqualTo(1);
        assertThat(client.roundTripsOf(() -> cache.getAll(entries.keySet()))).isEqualTo(1);
        assertThat(cache.getAll(entries.keySet())).isEqualTo(entries);
        assertThat(client.roundTripsOf(() -> cache.removeAll(entries.keySet()))).isEqualTo(1);
        assertThat(cache.getAll(entries.keySet())).isEmpty();
    }

    @Test
    void aCustomExpiryPolicyIsAskedWithOneMoreRoundTripOnlyWhenTheAnswerChangesTheCall() {
        Cache<String, String> custom = managers.openWith("custom", client).createCache("custom",
                new MutableConfiguration<String, String>().setTypes(String.class, String.class)
                        .setExpiryPolicyFactory(FactoryBuilder.factoryOf(CreatedOnlyPolicy.class)));

        assertThat(client.roundTripsOf(() -> custom.put("k", "v"))).as("put, creation asked").isEqualTo(2);
        assertThat(client.roundTripsOf(() -> custom.get("k"))).as("get, access asked: null").isEqualTo(1);
        assertThat(client.roundTripsOf(() -> custom.get("absent"))).as("get of a miss").isEqualTo(1);
        assertThat(client.roundTripsOf(() -> custom.put("k", "w"))).as("put, update asked").isEqualTo(2);
        assertThat(custom.get("k")).isEqualTo("w");
    }

    /** A policy the cache cannot read up front: an hour from creation, untouched by access and update. */
    public static final class CreatedOnlyPolicy implements ExpiryPolicy {
        @Override
        public Duration getExpiryForCreation() {
            return Duration.ONE_HOUR;
        }

        @Override
        public Duration getExpiryForAccess() {
            return null;
        }

        @Override
        public Duration getExpiryForUpdate() {
            return null;
        }
    }

    /** EVALSHA calls the server executed while {@code operation} ran. */
    private static long evalshaCalls(UnifiedJedis redis, Runnable operation) {
        redis.sendCommand(Protocol.Command.CONFIG, "RESETSTAT");
        operation.run();
        for (String line : redis.info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_evalsha:")) {
                return Long.parseLong(line.replaceAll("^cmdstat_evalsha:calls=(\\d+),.*$", "$1"));
            }
        }
        return 0;
    }
}
