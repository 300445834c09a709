package dev.pottery.jcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pottery.testing.RedisServer;
import dev.pottery.testing.RedisServers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real second JVM, started with this test's class path, working on the same cache. */
@RedisServers
class CrossJvmTest {

    private Managers managers;

    @BeforeEach
    void open(RedisServer server) {
        managers = new Managers(server);
    }

    @AfterEach
    void close() {
        managers.close();
    }

    @Test
    void anotherJvmOpensTheCacheByNameAndItsChangesReachOurListenerOnce(RedisServer server) throws Exception {
        Cache<String, String> cache = managers.open("this-jvm").createCache("shared-across-jvms",
                new MutableConfiguration<String, String>().setTypes(String.class, String.class));
        cache.put("from-test", "hello");
        ListenerDeliveryTest.Recorder recorder = new ListenerDeliveryTest.Recorder();
        cache.registerCacheEntryListener(
                new MutableCacheEntryListenerConfiguration<>(FactoryBuilder.factoryOf(recorder), null, true, false));

        Process other = ChildJvm.start(OtherJvm.class, server.uri().toString(), "shared", "shared-across-jvms");
        boolean exited = other.waitFor(60, TimeUnit.SECONDS);
        String output = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(exited).as(output).isTrue();
        assertThat(other.exitValue()).as(output).isZero();

        assertThat(output).contains("key type java.lang.String").contains("read hello");
        List<String> expected = List.of("CREATED from-other-jvm=1", "UPDATED from-other-jvm=2 (was 1)",
                "REMOVED from-other-jvm=2 (was 2)");
        await().atMost(10, TimeUnit.SECONDS).until(() -> recorder.seen.size() >= expected.size());
        cache.put("marker", "m");
        await().atMost(10, TimeUnit.SECONDS).until(() -> recorder.seen.contains("CREATED marker=m"));
        assertThat(recorder.seen).containsExactly("CREATED from-other-jvm=1", "UPDATED from-other-jvm=2 (was 1)",
                "REMOVED from-other-jvm=2 (was 2)", "CREATED marker=m");
    }
}
