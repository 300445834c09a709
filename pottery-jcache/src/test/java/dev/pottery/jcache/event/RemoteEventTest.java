package dev.pottery.jcache.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import javax.cache.event.EventType;
import org.junit.jupiter.api.Test;

class RemoteEventTest {

    @Test
    void parsesTheFieldsTheScriptsPublishIncludingBinaryAndAbsentOnes() {
        byte[] key = {0, ':', 7};
        byte[] message = concat("3:abc7:updated3:".getBytes(StandardCharsets.US_ASCII), key,
                "2:v2-1:".getBytes(StandardCharsets.US_ASCII));

        RemoteEvent event = RemoteEvent.parse(message);

        assertThat(event.origin()).isEqualTo("abc");
        assertThat(event.type()).isEqualTo(EventType.UPDATED);
        assertThat(event.key()).containsExactly(0, ':', 7);
        assertThat(event.value()).isEqualTo("v2".getBytes(StandardCharsets.US_ASCII));
        assertThat(event.oldValue()).isNull();
    }

    @Test
    void aTruncatedMessageIsRejected() {
        assertThatThrownBy(() -> RemoteEvent.parse("3:abc7:created9:k".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cut short");
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
