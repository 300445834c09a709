package dev.pottery.spring.boot.json;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import dev.pottery.codec.Codec;
import dev.pottery.codec.CodecException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.cache.support.NullValue;

/**
 * A value codec for Spring's {@code Object}-typed caches: JSON from the application's {@link ObjectMapper}
 * (a copy; the application's own is left as it is) with the class of every value that is not a JSON natural
 * (string, boolean, integer, double) recorded beside it, so that a {@code Book}, a {@code Long} or a
 * {@code List<Book>} reads back as what was cached.
 *
 * <pre>{@code
 * {"@class":"com.example.Book","isbn":"978-0441013593","title":"Dune"}
 * ["java.util.ArrayList",[{"@class":"com.example.Book","isbn":"978-0441013593","title":"Dune"}]]
 * ["java.lang.Long",42]
 * null                                         // Spring's NullValue: a cached null result
 * }</pre>
 *
 * <p>Type names are written where the declared type is not final (Jackson's {@code NON_FINAL} default
 * typing: the value itself, {@code Object} and interface-typed fields, collection elements); a field of a
 * final type (a {@code String}, a record) needs none. Reading accepts only the types of a
 * {@link TypeAllowList}; any other type name fails with a {@link CodecException} naming it. Writing a value
 * whose own class is not on the list fails at once, so that nothing is cached that cannot be read back.
 *
 * <p>Thread-safe (Jackson readers and writers are).
 */
public final class TypedJsonCodec implements Codec<Object> {

    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final String ALLOW_PROPERTY = "pottery.cache.json.allowed-packages";

    private final TypeAllowList allowed;
    private final ObjectWriter writer;
    private final ObjectReader reader;

    /** A codec writing with a copy of {@code mapper}, reading back the types of {@code allowed}. */
    public TypedJsonCodec(ObjectMapper mapper, TypeAllowList allowed) {
        this.allowed = allowed;
        ObjectMapper typed = mapper.copy()
                .activateDefaultTyping(allowed, ObjectMapper.DefaultTyping.NON_FINAL, JsonTypeInfo.As.PROPERTY);
        this.writer = typed.writerFor(Object.class);
        this.reader = typed.readerFor(Object.class);
    }

    /**
     * Encodes a value as typed JSON; Spring's {@link NullValue} as {@code null}.
     *
     * @throws CodecException if the value's class is not allowed, or Jackson cannot write it
     */
    @Override
    public byte[] encode(Object value) {
        if (value instanceof NullValue) {
            return NULL.clone();
        }
        if (!allowed.allows(value.getClass())) {
            throw new CodecException("the JSON codec would not read back a " + value.getClass().getName()
                    + ": only the application's packages " + allowed.packages() + " and JDK value types are"
                    + " allowed; add its package to " + ALLOW_PROPERTY);
        }
        try {
            return writer.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new CodecException("cannot write a " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Decodes typed JSON; {@code null} to Spring's {@link NullValue}.
     *
     * @throws CodecException if the JSON names a type that is not allowed, or is not what {@link #encode} writes
     */
    @Override
    public Object decode(byte[] bytes) {
        if (Arrays.equals(bytes, NULL)) {
            return NullValue.INSTANCE;
        }
        try {
            return reader.readValue(bytes);
        } catch (InvalidTypeIdException e) {
            throw new CodecException("the JSON names type '" + e.getTypeId() + "', which the JSON codec does not"
                    + " read: add its package to " + ALLOW_PROPERTY + " if it is the application's", e);
        } catch (IOException e) {
            throw new CodecException("cannot read " + bytes.length + " bytes as typed JSON: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TypedJsonCodec[" + allowed + "]";
    }
}
