package dev.pottery.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pottery.testing.DeserializationCanary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The allow-list every SerializingCodec decodes under: nothing of a refused class runs. */
class SerializationFilterTest {

    @BeforeEach
    void reset() {
        DeserializationCanary.reset();
    }

    @Test
    void aClassOutsideTheAllowListIsRefusedBeforeItsReadObjectRuns() {
        byte[] bytes = written(new DeserializationCanary("payload"));

        assertThatThrownBy(() -> SerializingCodec.create().decode(bytes, "cache:k"))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("refused to deserialize class " + DeserializationCanary.class.getName())
                .hasMessageContaining("cache:k");
        assertThat(DeserializationCanary.ran()).isFalse();
    }

    @Test
    void aDeserializationCanaryNestedInAllowedCollectionsIsRefusedToo() {
        Map<String, Object> nested = new HashMap<>(Map.of("list", new ArrayList<>(List.of(new DeserializationCanary("deep")))));
        byte[] bytes = written(nested);

        assertThatThrownBy(() -> SerializingCodec.with(null).decode(bytes, "k"))
                .isInstanceOf(CodecException.class).hasMessageContaining(DeserializationCanary.class.getName());
        assertThat(DeserializationCanary.ran()).isFalse();
    }

    @Test
    void aDeclaredTypeIsDecodedAndItsCodeRuns() {
        SerializingCodec<DeserializationCanary> codec = SerializingCodec.<DeserializationCanary>create().allowTypes(DeserializationCanary.class);

        assertThat(codec.decode(codec.encode(new DeserializationCanary("ok"))).name()).isEqualTo("ok");
        assertThat(DeserializationCanary.ran()).isTrue();
        DeserializationCanary[] array = {new DeserializationCanary("a")};
        assertThat(SerializingCodec.<DeserializationCanary[]>create().allowTypes(DeserializationCanary.class).decode(
                written(array))).hasSize(1);
    }

    @Test
    void patternsAllowClassesAndPackagesAndCanRefuse() {
        byte[] bytes = written(new DeserializationCanary("p"));

        assertThat(SerializingCodec.create().allowPatterns(DeserializationCanary.class.getName()).decode(bytes)).isNotNull();
        assertThat(SerializingCodec.create().allowPatterns("dev.pottery.testing.*").decode(bytes)).isNotNull();
        assertThat(SerializingCodec.create().allowPatterns("dev.pottery.**").decode(bytes)).isNotNull();
        assertThat(SerializingCodec.create().allowPatterns("com.example.*, dev.pottery.testing.Deserialization*").decode(bytes))
                .isNotNull();
        DeserializationCanary.reset();
        assertThatThrownBy(() -> SerializingCodec.create().allowPatterns("!" + DeserializationCanary.class.getName(), "dev.pottery.**")
                .allowTypes(DeserializationCanary.class).decode(bytes))
                .isInstanceOf(CodecException.class).hasMessageContaining("refused by a pattern");
        assertThat(DeserializationCanary.ran()).isFalse();
        assertThatThrownBy(() -> SerializingCodec.create().allowPatterns("com/example"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("com/example");
    }

    @Test
    void aFieldOfAnAllowedClassMustBeAllowedItselfButItsSuperclassesNeedNot() {
        byte[] holder = written(new Holder(new DeserializationCanary("inside")));
        assertThatThrownBy(() -> SerializingCodec.create().allowTypes(Holder.class).decode(holder))
                .isInstanceOf(CodecException.class).hasMessageContaining(DeserializationCanary.class.getName());
        assertThat(DeserializationCanary.ran()).isFalse();

        byte[] child = written(new Child("c", 2));
        assertThat(SerializingCodec.<Child>create().allowTypes(Child.class).decode(child).name).isEqualTo("c");
    }

    @Test
    void theJdkValueTypesDecodeWithoutAnyAllowList() {
        List<Object> values = List.of("text", 1, 2L, 3.5, 4.5f, (short) 5, (byte) 6, 'c', true,
                new BigInteger("123456789012345678901234567890"), new BigDecimal("1.25"),
                LocalDate.of(2026, 11, 30), Instant.ofEpochSecond(1_700_000_000L), Duration.ofMinutes(3),
                ZonedDateTime.parse("2026-11-30T10:15:30+01:00[Europe/Paris]"), UUID.randomUUID(), new Date(0),
                URI.create("https://example.com/a"), TimeUnit.SECONDS, EnumSet.of(TimeUnit.DAYS),
                new ArrayList<>(List.of(1, "a")), List.of(1, 2), Set.of("x"), Map.of("k", 1),
                new HashMap<>(Map.of("a", List.of(1))), new LinkedHashMap<>(Map.of("b", 2)),
                new TreeMap<>(Map.of("c", 3)), Collections.unmodifiableList(new ArrayList<>(List.of(1))),
                Collections.singletonMap("s", 1), Collections.emptyList(), new ConcurrentHashMap<>(Map.of("d", 4)),
                new int[] {1, 2}, new String[] {"a"}, new long[][] {{1L}});
        SerializingCodec<Object> codec = SerializingCodec.create();
        for (Object value : values) {
            Object back = codec.decode(codec.encode(value), "k");
            if (value.getClass().isArray()) {
                assertThat(back).usingRecursiveComparison().isEqualTo(value);
            } else {
                assertThat(back).as(value.getClass().getName()).isEqualTo(value);
            }
        }
        TreeMap<String, Integer> reversed = new TreeMap<>(Collections.reverseOrder());
        reversed.put("a", 1);
        reversed.put("b", 2);
        assertThat(((TreeMap<?, ?>) codec.decode(codec.encode(reversed))).firstKey()).isEqualTo("b");
    }

    @Test
    void anArrayClaimingMoreElementsThanItsBytesCouldHoldIsRefusedBeforeAllocation() {
        byte[] bytes = SerializingCodec.create().encode(new byte[16]);
        // The array's length is the 4 bytes before its 16 elements: claim 2^31 - 1 elements.
        int at = bytes.length - 16 - 4;
        bytes[at] = 0x7f;
        bytes[at + 1] = (byte) 0xff;
        bytes[at + 2] = (byte) 0xff;
        bytes[at + 3] = (byte) 0xff;

        assertThatThrownBy(() -> SerializingCodec.create().decode(bytes, "k"))
                .isInstanceOf(CodecException.class).hasMessageContaining("maxarray");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedUnlessTheLimitIsRaised() {
        Object deep = "bottom";
        for (int i = 0; i < 40; i++) {
            deep = new ArrayList<>(List.of(deep));
        }
        byte[] bytes = SerializingCodec.create().encode(deep);

        assertThatThrownBy(() -> SerializingCodec.create().decode(bytes, "k"))
                .isInstanceOf(CodecException.class).hasMessageContaining("maxdepth=32");
        assertThat(SerializingCodec.create().allowPatterns("maxdepth=64").decode(bytes)).isEqualTo(deep);
    }

    @Test
    void everyClassMayBeAllowedExplicitly() {
        byte[] bytes = written(new DeserializationCanary("all"));
        assertThat(SerializingCodec.create().allowPatterns("*").decode(bytes)).isNotNull();
        assertThat(DeserializationCanary.ran()).isTrue();
    }

    @Test
    void aValueNoReaderCouldDecodeIsRefusedWhenEncodedNamingTheClass() {
        SerializingCodec<Object> codec = SerializingCodec.create();
        assertThatThrownBy(() -> codec.encode(new DeserializationCanary("stored")))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("refused to serialize a " + DeserializationCanary.class.getName())
                .hasMessageContaining("pottery.serialization.allow");
        // Nested in allowed collections, or in a field of an allowed class: refused too.
        Map<String, Object> nested = new HashMap<>(Map.of("list", new ArrayList<>(List.of(new DeserializationCanary("d")))));
        assertThatThrownBy(() -> codec.encode(nested))
                .isInstanceOf(CodecException.class).hasMessageContaining(DeserializationCanary.class.getName());
        assertThatThrownBy(() -> codec.allowTypes(Holder.class).encode(new Holder(new DeserializationCanary("f"))))
                .isInstanceOf(CodecException.class).hasMessageContaining(DeserializationCanary.class.getName());
        // What the codec allows encodes, and exactly those bytes decode.
        SerializingCodec<Object> allowing = codec.allowTypes(Holder.class, DeserializationCanary.class);
        Holder holder = new Holder(new DeserializationCanary("ok"));
        Holder back = (Holder) allowing.decode(allowing.encode(holder));
        assertThat(((DeserializationCanary) back.inside()).name()).isEqualTo("ok");
        assertThat(codec.allowPatterns("dev.pottery.**").encode(new DeserializationCanary("p"))).isEqualTo(
                written(new DeserializationCanary("p")));
        assertThat(codec.allowTypes(Child.class).decode(codec.allowTypes(Child.class).encode(new Child("c", 1))))
                .isInstanceOf(Child.class);
        assertThat(codec.encode(EnumSet.of(TimeUnit.DAYS))).isEqualTo(written(EnumSet.of(TimeUnit.DAYS)));
    }

    /** What anyone who can write to Redis may store: Java serialization with no filter. */
    private static byte[] written(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Holds an object in a field. */
    record Holder(Object inside) implements Serializable {
    }

    /** A serializable superclass. */
    static class Parent implements Serializable {
        private static final long serialVersionUID = 1L;
        final String name;

        Parent(String name) {
            this.name = name;
        }
    }

    /** Its subclass: allowing the child allows the parent's part of it. */
    static final class Child extends Parent {
        private static final long serialVersionUID = 1L;
        final int age;

        Child(String name, int age) {
            super(name);
            this.age = age;
        }
    }
}
