package dev.pottery.codec;

import dev.pottery.PotteryException;
import java.nio.charset.StandardCharsets;

/** A value could not be encoded, or stored bytes could not be decoded; the message says which and why. */
public class CodecException extends PotteryException {

    private static final long serialVersionUID = 1L;

    private static final int PREVIEW_BYTES = 60;

    /** An encoding or decoding failure not (yet) tied to a key. */
    public CodecException(String message) {
        super(message);
    }

    /** A failure with its cause. */
    public CodecException(String message, Throwable cause) {
        super(message, null, cause);
    }

    /** A failure reading the given Redis key. */
    public CodecException(String message, String key, Throwable cause) {
        super(message, key, cause);
    }

    /** The same failure, naming the Redis key it happened on. */
    CodecException forKey(String redisKey) {
        if (key().isPresent() || redisKey == null) {
            return this;
        }
        return new CodecException(getMessage(), redisKey, getCause() == null ? this : getCause());
    }

    /** A short, printable rendering of stored bytes for error messages. */
    static String preview(byte[] bytes) {
        if (bytes == null) {
            return "null bytes";
        }
        int n = Math.min(bytes.length, PREVIEW_BYTES);
        StringBuilder out = new StringBuilder("bytes \"");
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '"' && b != '\\') {
                out.append((char) b);
            } else {
                out.append(String.format("\\x%02x", b));
            }
        }
        out.append('"');
        if (bytes.length > n) {
            out.append("... (").append(bytes.length).append(" bytes)");
        }
        return out.toString();
    }

    /** Decodes UTF-8 strictly, failing on malformed input instead of replacing it. */
    static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new CodecException("cannot decode " + preview(bytes) + ": not valid UTF-8", e);
        }
    }
}
