package dev.pottery.spring.boot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What a developer sees when the application starts while its Redis is down. */
@ExtendWith(OutputCaptureExtension.class)
class RedisDownAtStartupTest {

    @Test
    void theLogHasOneReportNamingTheAddressAndNoStackTrace(CapturedOutput output) throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String url = "redis://127.0.0.1:" + closed;

        assertThatThrownBy(() -> new SpringApplicationBuilder(CatalogApplication.class)
                .properties("spring.data.redis.url=" + url, "spring.main.banner-mode=off").run());

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("Pottery's caches cannot reach Redis at 127.0.0.1:" + closed + " (from spring.data.redis.url)")
                .contains("set pottery.cache.startup=lazy")
                .doesNotContain("Caused by:")
                .doesNotContain("\tat ");
    }
}
