package dev.pottery.codec;

import java.nio.charset.StandardCharsets;

/**
 * Strings stored as their raw UTF-8 bytes (no JSON quoting): for keys shared with programs that write
 * plain text. Decoding rejects bytes that are not valid UTF-8 rather than replacing them.
 */
public final class StringCodec implements Codec<String> {

    private static final StringCodec INSTANCE = new StringCodec();

    private StringCodec() {
    }

    /** The codec. */
    public static StringCodec utf8() {
        return INSTANCE;
    }

    @Override
    public byte[] encode(String value) {
        if (value == null) {
            throw new CodecException("cannot encode null with the UTF-8 string codec");
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String decode(byte[] bytes) {
        if (bytes == null) {
            throw new CodecException("cannot decode null bytes as a UTF-8 string");
        }
        return CodecException.strictUtf8(bytes);
    }

    @Override
    public String toString() {
        return "StringCodec[UTF-8]";
    }
}
