package dev.pottery.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * JSON codecs that write the bytes Python pottery writes, so Java and Python programs share keys.
 *
 * <pre>{@code
 * Codec<Object> natural = JsonCodec.natural();        // strings, numbers, booleans, null, lists, maps
 * Codec<Order> orders = JsonCodec.of(Order.class);    // a record or POJO, as a sorted JSON object
 * Codec<Integer> ints = JsonCodec.of(Integer.class);  // a JSON number that decodes to an Integer
 * }</pre>
 *
 * <p>{@link #natural()} decodes JSON to natural Java types: {@link String}, {@link Boolean},
 * {@link Long} (or {@link java.math.BigInteger} beyond 64 bits), {@link Double}, {@code null},
 * {@link java.util.List} and {@link java.util.Map} (insertion-ordered). Typed codecs decode with
 * Jackson into the given type. Both encode with Python's {@code json.dumps(value, sort_keys=True)}
 * layout.
 *
 * <p>Decoding reads everything Python's {@code json.dumps} writes: strings and object keys of any length
 * (up to Redis's 512 MB value), lone surrogate escapes ({@code "\udc00"}, from {@code surrogateescape}
 * text) in keys as in strings, integers of any number of digits (Python 3.11 writes up to 4,300 by
 * default, more if the limit is raised), and nesting up to 1,000 levels (Python's encoder stops near its
 * recursion limit of 1,000). Bytes that are not UTF-8 are refused with a {@link CodecException}.
 *
 * @param <T> the type of values
 */
public final class JsonCodec<T> implements Codec<T> {

    /**
     * Jackson's default limits (names of 50,000 characters, strings of 20 million, numbers of 1,000 digits)
     * refuse values Python writes; only the nesting limit (1,000) is kept, as Python cannot write deeper.
     */
    private static final StreamReadConstraints PYTHON_LIMITS = StreamReadConstraints.builder()
            .maxNameLength(Integer.MAX_VALUE)
            .maxStringLength(Integer.MAX_VALUE)
            .maxNumberLength(Integer.MAX_VALUE)
            .build();

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(PYTHON_LIMITS)
                    .build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final JsonCodec<Object> NATURAL = new JsonCodec<>(null, "natural JSON");

    private final JavaType type;
    private final String description;

    private JsonCodec(JavaType type, String description) {
        this.type = type;
        this.description = description;
    }

    /** The default codec: Python pottery's encoding of JSON values, decoded to natural Java types. */
    public static JsonCodec<Object> natural() {
        return NATURAL;
    }

    /** A codec for the given class (a record, a POJO, or a boxed scalar such as {@code Integer.class}). */
    public static <T> JsonCodec<T> of(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return new JsonCodec<>(MAPPER.constructType(type), "JSON of " + type.getName());
    }

    /** A codec for a generic type, e.g. {@code new TypeReference<List<Order>>() {}}. */
    public static <T> JsonCodec<T> of(TypeReference<T> type) {
        Objects.requireNonNull(type, "type");
        JavaType javaType = MAPPER.constructType(type);
        return new JsonCodec<>(javaType, "JSON of " + javaType);
    }

    /** Whether this is {@link #natural()}: Python pottery's JSON, decoded to natural Java types. */
    public boolean isNatural() {
        return type == null;
    }

    /**
     * The class a typed codec decodes to when that type is a plain class ({@link #of(Class)} of a class without
     * type parameters), else null (natural JSON, or a generic type from a {@link TypeReference}).
     */
    public Class<?> plainClass() {
        return type != null && !type.hasGenericTypes() ? type.getRawClass() : null;
    }

    /** Python's {@code json.dumps(value, sort_keys=True)} of a natural JSON value, as text. */
    public static String toPythonJson(Object value) {
        return PythonJsonWriter.write(value);
    }

    @Override
    public byte[] encode(T value) {
        Object tree = value;
        if (type != null && value != null && !isNaturalJson(value)) {
            try {
                tree = MAPPER.valueToTree(value);
            } catch (IllegalArgumentException e) {
                throw new CodecException("cannot encode a " + value.getClass().getName() + " as " + description
                        + ": " + e.getMessage(), e);
            }
        }
        // Python's ensure_ascii output is pure ASCII, so this is also its UTF-8 form.
        return PythonJsonWriter.write(tree).getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean isNaturalJson(Object value) {
        return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof JsonNode;
    }

    @Override
    public T decode(byte[] bytes) {
        if (bytes == null) {
            throw new CodecException("cannot decode null bytes as " + description);
        }
        try {
            String text = strictUtf8(bytes);
            if (type == null) {
                @SuppressWarnings("unchecked")
                T natural = (T) NaturalJson.toJava(MAPPER.readTree(text));
                return natural;
            }
            return MAPPER.readValue(text, type);
        } catch (CharacterCodingException e) {
            throw new CodecException("cannot decode " + CodecException.preview(bytes) + " as " + description
                    + ": the bytes are not UTF-8 (Python's json writes ASCII)", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new CodecException("cannot decode " + CodecException.preview(bytes) + " as " + description + ": "
                    + firstLine(e.getMessage()), e);
        }
    }

    /**
     * The text of UTF-8 bytes, refusing malformed input. Jackson parses the text rather than the bytes because
     * its byte parser rejects an escaped lone surrogate in an object key, which Python writes and reads.
     */
    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public String toString() {
        return "JsonCodec[" + description + "]";
    }
}
