package dev.pottery.jcache;

import dev.pottery.testing.RedisServer;
import java.util.concurrent.atomic.AtomicInteger;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.executors.CommandExecutor;
import redis.clients.jedis.executors.DefaultCommandExecutor;
import redis.clients.jedis.providers.PooledConnectionProvider;

/** A client that counts the commands it sends: each one is a network round trip. */
final class CountingJedis extends UnifiedJedis {

    private final AtomicInteger sent;

    private CountingJedis(PooledConnectionProvider provider, AtomicInteger sent) {
        super(new Counting(new DefaultCommandExecutor(provider), sent), provider, RedisProtocol.RESP2, null);
        this.sent = sent;
    }

    static CountingJedis connect(RedisServer server) {
        return new CountingJedis(new PooledConnectionProvider(new HostAndPort(server.host(), server.port())),
                new AtomicInteger());
    }

    /** Commands sent while {@code action} ran. */
    int roundTripsOf(Runnable action) {
        int before = sent.get();
        action.run();
        return sent.get() - before;
    }

    private record Counting(CommandExecutor delegate, AtomicInteger sent) implements CommandExecutor {

        @Override
        public <T> T executeCommand(CommandObject<T> command) {
            sent.incrementAndGet();
            return delegate.executeCommand(command);
        }

        @Override
        public void close() throws Exception {
            delegate.close();
        }
    }
}
