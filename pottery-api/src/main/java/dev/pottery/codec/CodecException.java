package dev.pottery.codec;

import dev.pottery.PotteryException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A value could not be encoded, or stored bytes could not be decoded; the message says which and why.
 * A decoding failure on data read from Redis names the key ({@link #key()}) and carries the bytes that
 * failed ({@link #bytes()}), so that a caller can keep or repair them.
 */
public class CodecException extends PotteryException {

    private static final long serialVersionUID = 1L;

    private static final int PREVIEW_BYTES = 60;

    /** The stored bytes that could not be decoded, or null. */
    private final byte[] bytes;

    /** An encoding or decoding failure not (yet) tied to a key. */
    public CodecException(String message) {
        this(message, null, null, null);
    }

    /** A failure with its cause. */
    public CodecException(String message, Throwable cause) {
        this(message, null, null, cause);
    }

    /** A failure reading the given Redis key. */
    public CodecException(String message, String key, Throwable cause) {
        this(message, key, null, cause);
    }

    /**
     * A failure decoding {@code bytes} read from the given Redis key.
     *
     * @param message what went wrong
     * @param key the Redis key, or null
     * @param bytes the stored bytes that could not be decoded (copied), or null
     * @param cause the cause, or null
     */
    public CodecException(String message, String key, byte[] bytes, Throwable cause) {
        super(message, key, cause);
        this.bytes = bytes == null ? null : bytes.clone();
    }

    /**
     * The stored bytes that could not be decoded, when this is a decoding failure of data read from
     * Redis (a copy).
     *
     * @return the bytes, or empty for an encoding failure
     */
    public Optional<byte[]> bytes() {
        return Optional.ofNullable(bytes).map(byte[]::clone);
    }

    /** The same failure, naming the Redis key it happened on and the bytes that failed. */
    CodecException forKey(String redisKey, byte[] failed) {
        if ((key().isPresent() || redisKey == null) && (bytes != null || failed == null)) {
            return this;
        }
        String message = key().isPresent() ? baseMessage() : getMessage();
        return new CodecException(message, key().orElse(redisKey), bytes != null ? bytes : failed,
                getCause() == null ? this : getCause());
    }

    /**
     * This failure with a note on what the operation did all the same, e.g. that the write it was part
     * of took place: {@code "cannot decode ...; the new value was stored"}. Same key, bytes and cause.
     *
     * @param note what happened
     * @return a new exception
     */
    public CodecException withNote(String note) {
        String message = key().isPresent() ? baseMessage() : getMessage();
        return new CodecException(message + "; " + note, key().orElse(null), bytes, getCause() == null ? this : getCause());
    }

    /** The message without the " (Redis key '...')" that {@link PotteryException} appends. */
    private String baseMessage() {
        String message = getMessage();
        String suffix = " (Redis key '" + key().orElseThrow() + "')";
        return message.endsWith(suffix) ? message.substring(0, message.length() - suffix.length()) : message;
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
        // The JDK's decoding replaces every malformed sequence with U+FFFD: text without one was well-formed.
        // Only text holding U+FFFD (malformed, or a real U+FFFD) pays for the strict decoder.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return text;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new CodecException("cannot decode " + preview(bytes) + ": not valid UTF-8", e);
        }
    }
}
