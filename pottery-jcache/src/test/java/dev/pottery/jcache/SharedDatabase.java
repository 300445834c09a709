package dev.pottery.jcache;

import java.io.Serializable;
import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import javax.cache.Cache;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheWriter;
import redis.clients.jedis.RedisClient;

/**
 * A system of record that several JVMs share, for the exactly-once tests: a Redis hash on the test's server
 * ({@code test:db:<name>}) that the CacheWriter writes and the CacheLoader reads, a list of every writer call
 * in the order the writer saw them ({@code test:log:<name>}), and a count of loads per key
 * ({@code test:loads:<name>}). The server's URL comes from the system property {@value #URL}, so a second JVM
 * that opens the cache by name (and so builds this from the recorded configuration) reaches the same data.
 */
public final class SharedDatabase implements CacheWriter<String, String>, CacheLoader<String, String>,
        Serializable, AutoCloseable {

    /** System property naming the Redis URL of the shared database. */
    public static final String URL = "pottery.test.database";
    private static final long serialVersionUID = 1L;

    private final String name;
    private transient RedisClient redis;

    /** The database called {@code name}. */
    public SharedDatabase(String name) {
        this.name = name;
    }

    private synchronized RedisClient redis() {
        if (redis == null) {
            redis = RedisClient.create(URI.create(System.getProperty(URL)));
        }
        return redis;
    }

    @Override
    public void write(Cache.Entry<? extends String, ? extends String> entry) {
        redis().hset("test:db:" + name, entry.getKey(), entry.getValue());
        redis().rpush("test:log:" + name, "write " + entry.getKey() + "=" + entry.getValue());
    }

    @Override
    public void writeAll(Collection<Cache.Entry<? extends String, ? extends String>> entries) {
        for (Iterator<Cache.Entry<? extends String, ? extends String>> it = entries.iterator(); it.hasNext(); ) {
            write(it.next());
            it.remove();
        }
    }

    @Override
    public void delete(Object key) {
        redis().hdel("test:db:" + name, (String) key);
        redis().rpush("test:log:" + name, "delete " + key);
    }

    @Override
    public void deleteAll(Collection<?> keys) {
        for (Iterator<?> it = keys.iterator(); it.hasNext(); ) {
            delete(it.next());
            it.remove();
        }
    }

    @Override
    public String load(String key) {
        redis().hincrBy("test:loads:" + name, key, 1);
        return redis().hget("test:db:" + name, key);
    }

    @Override
    public Map<String, String> loadAll(Iterable<? extends String> keys) {
        Map<String, String> values = new HashMap<>();
        for (String key : keys) {
            String value = load(key);
            if (value != null) {
                values.put(key, value);
            }
        }
        return values;
    }

    /** A value computed for {@code key}, counted in {@code test:computed} (for the sync-loading test). */
    static String computeOnce(String key) {
        try (RedisClient client = RedisClient.create(URI.create(System.getProperty(URL)))) {
            client.hincrBy("test:computed", key, 1);
        }
        return "computed-" + key;
    }

    @Override
    public synchronized void close() {
        if (redis != null) {
            redis.close();
            redis = null;
        }
    }
}
