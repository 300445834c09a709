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
        // A lone surrogate would become '?' on the way to UTF-8: the string would not read back as written.
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new CodecException("cannot encode a string with an unpaired surrogate (U+"
                        + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + " at index " + i
                        + ") as UTF-8: it would not read back as written");
            }
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
