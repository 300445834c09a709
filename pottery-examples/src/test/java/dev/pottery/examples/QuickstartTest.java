package dev.pottery.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickstartTest {

    @Test
    void walkthroughRunsAgainstThrowawayServersAndSaysSo() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        new Quickstart(new PrintStream(buffer, true, StandardCharsets.UTF_8)).run(null);
        String output = buffer.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("REDIS_URL is not set: started 3 throwaway servers");
        assertThat(output).contains("{\"languages\": [\"Python\", \"Java\"], \"name\": \"Rajiv\", \"score\": 9.5}");
        assertThat(output).endsWith("Done." + System.lineSeparator());
    }
}
