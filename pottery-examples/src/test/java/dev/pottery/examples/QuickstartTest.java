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
        assertThat(output).contains("in Redis: HGET quickstart:tel '\"guido\"' -> 4127");
        assertThat(output).contains("RedisDeque with maxlen 3 after adding a, b, c, d = [b, c, d]");
        assertThat(output).contains("RedisCounter mostCommon(2) = [red=3, blue=2], total = 6");
        assertThat(output).contains("ran the function 1 time(s)");
        assertThat(output).contains("after the try-with-resources block: locked() = 0");
        assertThat(output).contains("NextId: 1, 2, 3");
        assertThat(output).contains("after put 3 and an atomic increment = 4");
        assertThat(output).endsWith("Done." + System.lineSeparator());
    }
}
