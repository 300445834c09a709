package dev.pottery.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypedCodecsTest {

    record Order(String id, int quantity, double price, List<String> tags) {
    }

    static final class Unserializable {
    }

    record Holder(Object inside) implements Serializable {
    }

    @Test
    void recordsAreWrittenAsSortedPythonJsonAndReadBack() {
        JsonCodec<Order> codec = JsonCodec.of(Order.class);
        Order order = new Order("A-1", 3, 2.5, List.of("x"));
        byte[] bytes = codec.encode(order);
        assertThat(new String(bytes, StandardCharsets.US_ASCII))
                .isEqualTo("{\"id\": \"A-1\", \"price\": 2.5, \"quantity\": 3, \"tags\": [\"x\"]}");
        assertThat(codec.decode(bytes)).isEqualTo(order);
    }

    @Test
    void boxedScalarsDecodeToTheirOwnType() {
        JsonCodec<Integer> ints = JsonCodec.of(Integer.class);
        assertThat(new String(ints.encode(5), StandardCharsets.US_ASCII)).isEqualTo("5");
        assertThat(ints.decode("5".getBytes(StandardCharsets.US_ASCII))).isEqualTo(5);
        JsonCodec<String> strings = JsonCodec.of(String.class);
        assertThat(new String(strings.encode("caf\u00e9"), StandardCharsets.US_ASCII)).isEqualTo("\"caf\\u00e9\"");
        JsonCodec<Double> doubles = JsonCodec.of(Double.class);
        assertThat(new String(doubles.encode(1e16), StandardCharsets.US_ASCII)).isEqualTo("1e+16");
    }

    @Test
    void genericTypesDecodeThroughATypeReference() {
        JsonCodec<List<Order>> codec = JsonCodec.of(new TypeReference<List<Order>>() { });
        List<Order> orders = List.of(new Order("a", 1, 1.0, List.of()), new Order("b", 2, 0.1, List.of("t")));
        assertThat(codec.decode(codec.encode(orders))).isEqualTo(orders);
    }

    @Test
    void typedDecodingOfTheWrongShapeNamesTheTypeAndKey() {
        assertThatThrownBy(() -> JsonCodec.of(Order.class).decode("[1]".getBytes(StandardCharsets.US_ASCII), "orders"))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining(Order.class.getName())
                .hasMessageContaining("orders");
    }

    @Test
    void stringCodecStoresRawUtf8AndRefusesMalformedBytes() {
        StringCodec codec = StringCodec.utf8();
        assertThat(codec.encode("caf\u00e9")).isEqualTo(new byte[] {'c', 'a', 'f', (byte) 0xc3, (byte) 0xa9});
        assertThat(codec.decode(codec.encode("\uD83D\uDE00 ok"))).isEqualTo("\uD83D\uDE00 ok");
        assertThatThrownBy(() -> codec.decode(new byte[] {(byte) 0xc3}, "name"))
                .isInstanceOf(CodecException.class).hasMessageContaining("not valid UTF-8").hasMessageContaining("name");
        assertThatThrownBy(() -> codec.encode(null)).isInstanceOf(CodecException.class);
    }

    @Test
    void stringCodecIsStrictBothWaysOnEveryKindOfMalformedText() {
        StringCodec codec = StringCodec.utf8();
        // a real U+FFFD reads back as itself (the fast path hands such text to the strict decoder)
        assertThat(codec.decode(codec.encode("a\uFFFDb"))).isEqualTo("a\uFFFDb");
        // overlong encoding, an encoded surrogate (CESU), a truncated sequence, a stray continuation byte
        for (byte[] malformed : new byte[][] {{(byte) 0xc0, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                {'x', (byte) 0xe2, (byte) 0x82}, {(byte) 0x80}}) {
            assertThatThrownBy(() -> codec.decode(malformed)).isInstanceOf(CodecException.class)
                    .hasMessageContaining("not valid UTF-8");
        }
        // a lone surrogate would become '?' on the way in: refused, not silently changed
        assertThatThrownBy(() -> codec.encode("bad \uD800 end")).isInstanceOf(CodecException.class)
                .hasMessageContaining("unpaired surrogate").hasMessageContaining("index 4");
        assertThatThrownBy(() -> codec.encode("\uDC00")).isInstanceOf(CodecException.class);
        assertThat(codec.decode(codec.encode("\uD83D\uDE00\uD83D\uDE00"))).isEqualTo("\uD83D\uDE00\uD83D\uDE00");
    }

    @Test
    void bytesCodecCopiesSoStoredValuesCannotChange() {
        byte[] original = {1, 2, 3};
        byte[] encoded = BytesCodec.raw().encode(original);
        original[0] = 9;
        assertThat(encoded).containsExactly(1, 2, 3);
        assertThat(BytesCodec.raw().decode(encoded)).containsExactly(1, 2, 3).isNotSameAs(encoded);
    }

    @Test
    void serializingCodecRoundTripsAndExplainsFailures() {
        SerializingCodec<Object> codec = SerializingCodec.create();
        List<Object> value = new java.util.ArrayList<>(List.of("a", 1, 2.5));
        assertThat(codec.decode(codec.encode(value))).isEqualTo(value);
        assertThat(codec.decode(codec.encode(null))).isNull();
        assertThatThrownBy(() -> codec.encode(new Unserializable()))
                .isInstanceOf(CodecException.class).hasMessageContaining("not Serializable");
        assertThatThrownBy(() -> codec.allowTypes(Holder.class).encode(new Holder(new Unserializable())))
                .isInstanceOf(CodecException.class).hasMessageContaining(Unserializable.class.getName());
        assertThatThrownBy(() -> codec.decode("garbage".getBytes(StandardCharsets.US_ASCII), "cache:k"))
                .isInstanceOf(CodecException.class).hasMessageContaining("cache:k");
    }
}
