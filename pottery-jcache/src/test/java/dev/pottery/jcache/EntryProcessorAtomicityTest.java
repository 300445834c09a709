package dev.pottery.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pottery.testing.RedisDeployment;
import dev.pottery.testing.RedisServers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.processor.EntryProcessorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@RedisServers
class EntryProcessorAtomicityTest {

    private static final int THREADS_PER_MANAGER = 8;
    private static final int INCREMENTS_PER_THREAD = 50;

    private Managers managers;

    @BeforeEach
    void open(RedisDeployment server) {
        managers = new Managers(server);
    }

    @AfterEach
    void close() {
        managers.close();
    }

    @Test
    void invokeLosesNoIncrementUnderEightThreadsOnEachOfTwoManagers() throws Exception {
        CacheManager first = managers.open("first");
        CacheManager second = managers.open("second");
        MutableConfiguration<String, Integer> configuration =
                new MutableConfiguration<String, Integer>().setTypes(String.class, Integer.class);
        List<Cache<String, Integer>> caches = List.of(first.createCache("counters", configuration),
                second.createCache("counters", configuration));

        ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_MANAGER);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Cache<String, Integer> cache : caches) {
                for (int t = 0; t < THREADS_PER_MANAGER; t++) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
                            cache.invoke("hits", (entry, args) -> {
                                entry.setValue(entry.exists() ? entry.getValue() + 1 : 1);
                                return null;
                            });
                        }
                    }));
                }
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(caches.get(0).get("hits")).isEqualTo(2 * THREADS_PER_MANAGER * INCREMENTS_PER_THREAD);
    }

    @Test
    void aThrowingProcessorChangesNothingAndIsWrapped() {
        Cache<String, Integer> cache = managers.open("only").createCache("counters",
                new MutableConfiguration<String, Integer>().setTypes(String.class, Integer.class));
        cache.put("hits", 1);

        assertThatThrownBy(() -> cache.invoke("hits", (entry, args) -> {
            entry.setValue(99);
            throw new IllegalStateException("boom");
        })).isInstanceOf(EntryProcessorException.class).hasCauseInstanceOf(IllegalStateException.class);

        assertThat(cache.get("hits")).isEqualTo(1);
    }
}
