package dev.pottery.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CacheWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

/**
 * A write-through change whose CacheWriter took it, but whose write-back to Redis then failed (the connections
 * reset, or Redis paused past the timeout and the lease): the cache must not keep serving the value the
 * writer's store has replaced. The entry is removed (the next read goes to the system of record) and the
 * operation fails with a CacheException that says so.
 */
@RedisServers
class WriteBackFailureTest {

    /** The system of record, in this JVM's memory: it works while Redis does not. */
    static final Map<String, String> STORE = new ConcurrentHashMap<>();
    static volatile RedisServer server;
    static volatile String breakOn;
    static volatile boolean pause;

    /** Stores, then breaks the Redis connections (or pauses Redis) when it sees {@link #breakOn}. */
    public static final class BreakingWriter implements CacheWriter<String, String> {
        @Override
        public void write(Cache.Entry<? extends String, ? extends String> entry) {
            STORE.put(entry.getKey(), entry.getValue());
            if (entry.getValue().equals(breakOn)) {
                if (pause) {
                    server.pause();
                } else {
                    try (RedisClient admin = server.newClient()) {
                        admin.sendCommand(Protocol.Command.CLIENT, "KILL", "TYPE", "normal", "SKIPME", "yes");
                    }
                }
            }
        }

        @Override
        public void writeAll(Collection<Cache.Entry<? extends String, ? extends String>> entries) {
            entries.forEach(this::write);
            entries.clear();
        }

        @Override
        public void delete(Object key) {
            STORE.remove(key);
        }

        @Override
        public void deleteAll(Collection<?> keys) {
            keys.forEach(this::delete);
            keys.clear();
        }
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void reset() {
        timer.shutdownNow();
        breakOn = null;
        pause = false;
        STORE.clear();
    }

    private static Cache<String, String> writeThrough(Managers managers, String name, String... settings) {
        return managers.open(name, settings).createCache(name, new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setCacheWriterFactory(FactoryBuilder.factoryOf(BreakingWriter.class)).setWriteThrough(true));
    }

    private void connectionsResetAfterTheWriter(RedisServer redisServer, String name,
                                                Consumer<Cache<String, String>> change) {
        server = redisServer;
        try (Managers managers = new Managers(redisServer)) {
            Cache<String, String> cache = writeThrough(managers, name);
            cache.put("order-17", "v1");
            breakOn = "v2";
            assertThatThrownBy(() -> change.accept(cache)).isInstanceOf(CacheException.class)
                    .hasMessageContaining("CacheWriter had taken it").hasMessageContaining("removed from the cache");
            assertThat(STORE.get("order-17")).isEqualTo("v2");
            assertThat(cache.get("order-17")).as("the cache after the failed write-back").isNull();
        }
    }

    @Test
    void putWhoseWriteBackFailsRemovesTheEntry(RedisServer redisServer) {
        connectionsResetAfterTheWriter(redisServer, "reset-put", c -> c.put("order-17", "v2"));
    }

    @Test
    void invokeWhoseWriteBackFailsRemovesTheEntry(RedisServer redisServer) {
        connectionsResetAfterTheWriter(redisServer, "reset-invoke", c -> c.invoke("order-17", (entry, args) -> {
            entry.setValue("v2");
            return null;
        }));
    }

    @Test
    void putAllWhoseWriteBackFailsRemovesTheEntries(RedisServer redisServer) {
        connectionsResetAfterTheWriter(redisServer, "reset-putall", c -> c.putAll(Map.of("order-17", "v2")));
    }

    @Test
    void redisPausedPastTimeoutAndLeaseBetweenWriterAndWriteBack(RedisServer redisServer) throws Exception {
        server = redisServer;
        try (Managers managers = new Managers(redisServer)) {
            Cache<String, String> cache = writeThrough(managers, "paused", "pottery.lease.millis", "1000");
            cache.put("order-17", "v1");
            breakOn = "v2";
            pause = true;
            timer.schedule(redisServer::resume, 3_000, TimeUnit.MILLISECONDS);
            assertThatThrownBy(() -> cache.put("order-17", "v2")).isInstanceOf(CacheException.class);
            Thread.sleep(1_000);   // Redis answers again (resumed 3 s after the pause, past the 2 s timeout)
            assertThat(STORE.get("order-17")).isEqualTo("v2");
            assertThat(cache.get("order-17")).as("the cache after the failed write-back").isIn(null, "v2");
        }
    }
}
