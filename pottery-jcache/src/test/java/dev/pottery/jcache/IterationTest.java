package dev.pottery.jcache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@RedisServers
class IterationTest {

    private static final int ENTRIES = 3000;

    private Managers managers;
    private CountingJedis client;
    private Cache<Integer, String> cache;

    @BeforeEach
    void open(RedisServer server) {
        managers = new Managers(server);
        client = CountingJedis.connect(server);
        cache = managers.openWith("iterating", client).createCache("many",
                new MutableConfiguration<Integer, String>().setTypes(Integer.class, String.class));
        Map<Integer, String> entries = new HashMap<>();
        for (int i = 0; i < ENTRIES; i++) {
            entries.put(i, "v" + i);
        }
        cache.putAll(entries);
    }

    @AfterEach
    void close() {
        managers.close();
        client.close();
    }

    @Test
    void iterationStreamsInCursorStepsRatherThanLoadingTheCache() {
        Set<Integer> seen = new HashSet<>();
        int roundTrips = client.roundTripsOf(() -> cache.forEach(entry -> seen.add(entry.getKey())));
        assertThat(seen).hasSize(ENTRIES);
        assertThat(roundTrips).isGreaterThanOrEqualTo(ENTRIES / BulkOperations.CHUNK);
    }

    @Test
    void entriesPresentThroughoutAreAllSeenWhileOthersChange() {
        Set<Integer> seen = new HashSet<>();
        Iterator<Cache.Entry<Integer, String>> iterator = cache.iterator();
        int step = 0;
        while (iterator.hasNext()) {
            seen.add(iterator.next().getKey());
            if (step < 500) {
                cache.remove(step);                 // keys 0..499 go away during the iteration
                cache.put(ENTRIES + step, "new");   // and new ones arrive
            }
            step++;
        }
        for (int stable = 500; stable < ENTRIES; stable++) {
            assertThat(seen).contains(stable);
        }
    }

    @Test
    void iteratorRemoveDeletesTheEntryItReturned() {
        Iterator<Cache.Entry<Integer, String>> iterator = cache.iterator();
        Cache.Entry<Integer, String> first = iterator.next();
        iterator.remove();
        assertThat(cache.containsKey(first.getKey())).isFalse();
        assertThat(cache.containsKey(first.getKey() == 0 ? 1 : 0)).isTrue();
    }
}
