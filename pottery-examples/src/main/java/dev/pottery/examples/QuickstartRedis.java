package dev.pottery.examples;

import dev.pottery.testing.RedisServerGroup;
import dev.pottery.testing.ServerSources;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The Redis the quickstart talks to: the server named by {@code REDIS_URL}, or throwaway local servers
 * started through the test support (several, so that Redlock and NextId have independent masters).
 */
final class QuickstartRedis implements AutoCloseable {

    private static final int THROWAWAY_MASTERS = 3;

    private final List<UnifiedJedis> masters;
    private final URI url;
    private final RedisServerGroup servers;
    private final String description;

    private QuickstartRedis(List<UnifiedJedis> masters, URI url, RedisServerGroup servers, String description) {
        this.masters = masters;
        this.url = url;
        this.servers = servers;
        this.description = description;
    }

    static QuickstartRedis open(String redisUrl) {
        if (redisUrl != null && !redisUrl.isBlank()) {
            UnifiedJedis client = RedisClient.create(URI.create(redisUrl));
            return new QuickstartRedis(List.of(client), URI.create(redisUrl), null, "REDIS_URL=" + redisUrl + " (one master)");
        }
        RedisServerGroup group = RedisServerGroup.start(THROWAWAY_MASTERS);
        List<UnifiedJedis> clients = new ArrayList<>(group.clients());
        return new QuickstartRedis(clients, group.get(0).uri(), group, "REDIS_URL is not set: started " + THROWAWAY_MASTERS
                + " throwaway servers on " + group.servers().stream().map(s -> s.uri().toString()).toList()
                + " from " + ServerSources.describe());
    }

    /** The client used for collections: the first master. */
    UnifiedJedis redis() {
        return masters.get(0);
    }

    /** Independent masters for Redlock and NextId. */
    List<UnifiedJedis> masters() {
        return masters;
    }

    /** The first master's URL, for the JCache manager. */
    URI url() {
        return url;
    }

    String description() {
        return description;
    }

    @Override
    public void close() {
        if (servers != null) {
            servers.close();
        } else {
            masters.forEach(UnifiedJedis::close);
        }
    }
}
