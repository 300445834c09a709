package dev.pottery.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * A scalar stored as its plain text: numbers in decimal ({@code 42}, {@code -7}, {@code 0.1}), booleans as
 * {@code true}/{@code false}, UUIDs in their standard 36-character form. Compact, readable in
 * {@code redis-cli}, and canonical: equal values always give equal bytes. This is the codec a JCache cache
 * declared with such a key or value type uses unless it names another.
 *
 * <pre>{@code
 * TextCodec<Long> longs = TextCodec.of(Long.class);
 * longs.encode(42L);                          // the 2 bytes "42"
 * longs.decode("42".getBytes(US_ASCII));      // 42L
 * TextCodec.supports(Integer.class);          // true
 * }</pre>
 *
 * <p>Supported: {@code Long}, {@code Integer}, {@code Short}, {@code Byte}, {@code Double}, {@code Float},
 * {@code Boolean}, {@code BigInteger}, {@code BigDecimal} and {@code UUID}. Doubles and floats are written with
 * {@link Double#toString}/{@link Float#toString} and read back to the same bits ({@code NaN}, {@code Infinity},
 * {@code -0.0} included). A BigDecimal keeps its scale ({@code 1.0} and {@code 1.00} are different values, as
 * {@code equals} says). Decoding is strict: bytes that are not the text of a value of the type (surrounding
 * spaces, a fraction for an integer type, a number out of range) are a {@link CodecException}.
 *
 * @param <T> the scalar type
 */
public final class TextCodec<T> implements Codec<T> {

    private static final Map<Class<?>, Function<String, ?>> PARSERS = Map.of(
            Long.class, Long::valueOf,
            Integer.class, Integer::valueOf,
            Short.class, Short::valueOf,
            Byte.class, Byte::valueOf,
            Double.class, Double::valueOf,
            Float.class, Float::valueOf,
            Boolean.class, TextCodec::parseBoolean,
            BigInteger.class, BigInteger::new,
            BigDecimal.class, BigDecimal::new,
            UUID.class, TextCodec::parseUuid);

    /** What a double or float may look like: decimal, with an optional exponent, or NaN and the infinities. */
    private static final java.util.regex.Pattern FLOATING =
            java.util.regex.Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|NaN|-?Infinity");

    private final Class<T> type;
    private final Function<String, ?> parser;

    private TextCodec(Class<T> type, Function<String, ?> parser) {
        this.type = type;
        this.parser = parser;
    }

    /** Whether {@code type} is one this codec stores as text. */
    public static boolean supports(Class<?> type) {
        return PARSERS.containsKey(type);
    }

    /**
     * The codec for {@code type}.
     *
     * @throws IllegalArgumentException if the type is not one of the supported scalars
     */
    public static <T> TextCodec<T> of(Class<T> type) {
        Objects.requireNonNull(type, "type");
        Function<String, ?> parser = PARSERS.get(type);
        if (parser == null) {
            throw new IllegalArgumentException("TextCodec stores Long, Integer, Short, Byte, Double, Float, Boolean,"
                    + " BigInteger, BigDecimal and UUID, not " + type.getName());
        }
        return new TextCodec<>(type, parser);
    }

    /** The type this codec stores. */
    public Class<T> type() {
        return type;
    }

    @Override
    public byte[] encode(T value) {
        if (!type.isInstance(value)) {
            throw new CodecException("the text codec of " + type.getSimpleName() + " cannot encode "
                    + (value == null ? "null" : "a " + value.getClass().getName()));
        }
        return value.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public T decode(byte[] bytes) {
        if (bytes == null) {
            throw new CodecException("cannot decode null bytes as " + type.getSimpleName());
        }
        String text = new String(bytes, StandardCharsets.US_ASCII);
        try {
            boolean floating = type == Double.class || type == Float.class;
            if (floating && !FLOATING.matcher(text).matches()) {
                throw new NumberFormatException("not a decimal number");
            }
            Object value = parser.apply(text);
            // Strict: only the canonical text of an integer, boolean or UUID decodes (no "+1", "007", " 1").
            if (!floating && !value.toString().equals(text)) {
                throw new NumberFormatException("not the canonical text of a " + type.getSimpleName());
            }
            return type.cast(value);
        } catch (RuntimeException e) {
            throw new CodecException("cannot decode " + CodecException.preview(bytes) + " as a "
                    + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static Boolean parseBoolean(String text) {
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not true or false");
        };
    }

    private static UUID parseUuid(String text) {
        UUID uuid = UUID.fromString(text);
        if (!uuid.toString().equals(text)) {
            throw new IllegalArgumentException("not a UUID in its standard form");
        }
        return uuid;
    }

    @Override
    public String toString() {
        return "TextCodec[" + type.getSimpleName() + "]";
    }
}
