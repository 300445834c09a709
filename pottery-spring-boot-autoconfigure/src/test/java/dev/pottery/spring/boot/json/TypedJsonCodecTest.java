package dev.pottery.spring.boot.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.pottery.codec.CodecException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.cache.support.NullValue;

/** Typed JSON round trips, and what the allow-list refuses. */
class TypedJsonCodecTest {

    /** Not Serializable, on purpose. */
    record Order(String id, BigDecimal total, List<Line> lines, Object note) {
    }

    record Line(String sku, int quantity) {
    }

    private final ObjectMapper application = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final TypedJsonCodec codec = new TypedJsonCodec(application, TypeAllowList.of(List.of("dev.pottery.spring.boot.json")));

    @Test
    void valuesReadBackAsTheClassesTheyWere() {
        Order order = new Order("o-1", new BigDecimal("9.90"), List.of(new Line("a", 2)), 42L);
        List<Object> values = List.of(order, 42L, 42, "text", 2.5, true, new BigDecimal("1.50"), UUID.randomUUID(),
                LocalDate.of(2026, 11, 30), new ArrayList<>(List.of(order)), Map.of("k", order), Set.of(1, 2),
                new Line[] {new Line("b", 1)});

        for (Object value : values) {
            Object back = codec.decode(codec.encode(value));
            assertThat(back).as(value.getClass().getName()).isInstanceOf(value.getClass().isArray()
                    ? value.getClass() : back.getClass()).usingRecursiveComparison().isEqualTo(value);
            assertThat(back.getClass().isArray() || value.getClass().isInstance(back)
                    || back instanceof List || back instanceof Map || back instanceof Set).isTrue();
        }
        assertThat(codec.decode(codec.encode(42L))).isInstanceOf(Long.class);
    }

    @Test
    void theJsonCarriesTheTypeAndUsesTheApplicationsMapperSettings() {
        String json = new String(codec.encode(new Order("o-2", BigDecimal.ONE, List.of(), LocalDate.of(2026, 1, 2))),
                StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\"@class\":\"dev.pottery.spring.boot.json.TypedJsonCodecTest$Order\"")
                .contains("[\"java.time.LocalDate\",\"2026-01-02\"]");
        assertThat(application.getPolymorphicTypeValidator()).isNotInstanceOf(TypeAllowList.class);
    }

    @Test
    void springsNullMarkerIsJsonNull() {
        assertThat(codec.encode(NullValue.INSTANCE)).asString(StandardCharsets.UTF_8).isEqualTo("null");
        assertThat(codec.decode("null".getBytes(StandardCharsets.UTF_8))).isSameAs(NullValue.INSTANCE);
    }

    @Test
    void aTypeNameOutsideTheAllowListIsRefusedWithoutBeingLoaded() {
        byte[] planted = "[\"java.util.logging.FileHandler\",{\"pattern\":\"/tmp/x\"}]".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode(planted)).isInstanceOf(CodecException.class)
                .hasMessageContaining("'java.util.logging.FileHandler'")
                .hasMessageContaining("pottery.cache.json.allowed-packages");
    }

    @Test
    void aValueOfAClassOutsideTheAllowListIsRefusedBeforeItIsCached() {
        assertThatThrownBy(() -> codec.encode(new StringBuilder("x"))).isInstanceOf(CodecException.class)
                .hasMessageContaining("java.lang.StringBuilder").hasMessageContaining("pottery.cache.json.allowed-packages");
    }

    @Test
    void theAllowListTakesPackagesWithTheirSubPackagesOnly() {
        TypeAllowList allowed = TypeAllowList.of(List.of("com.example.shop"));

        assertThat(allowed.allows("com.example.shop.Order")).isTrue();
        assertThat(allowed.allows("com.example.shop.model.Line")).isTrue();
        assertThat(allowed.allows("com.example.shopping.Evil")).isFalse();
        assertThat(allowed.allows("[Lcom.example.shop.Order;")).isTrue();
        assertThat(allowed.allows("java.time.Instant")).isTrue();
        assertThat(allowed.allows("java.time.chrono.Evil")).isFalse();
        assertThat(allowed.allows(ArrayList.class)).isTrue();
        assertThat(allowed.allows(java.util.logging.FileHandler.class)).isFalse();
        assertThatThrownBy(() -> TypeAllowList.of(List.of("java.util"))).hasMessageContaining("cannot be allowed");
    }
}
