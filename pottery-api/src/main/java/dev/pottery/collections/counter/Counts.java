package dev.pottery.collections.counter;

import dev.pottery.PotteryException;
import dev.pottery.codec.CodecException;
import dev.pottery.codec.JsonCodec;
import dev.pottery.internal.ElementCodec;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * How a {@link RedisCounter} reads the counts in its hash. Python stores any number there: its ints in
 * plain digits of any size ({@code 1180591620717411303424} for {@code 2**70}) and its floats as
 * {@code repr} ({@code 1.5}, {@code 1e+16}). As a {@link Number} a count is what the natural JSON codec
 * reads: a {@link Long}, a {@link BigInteger} beyond 64 bits, or a {@link Double}. Where the counter's
 * API says {@code long}, a count that is not a 64-bit integer is a {@link PotteryException} naming the
 * key and the element; bytes that are no number at all are a {@link CodecException}.
 */
final class Counts<E> {

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final ElementCodec<E> elements;
    private final String key;

    Counts(ElementCodec<E> elements, String key) {
        this.elements = elements;
        this.key = key;
    }

    /** A stored count as a Number: Long, BigInteger or Double. */
    Number number(byte[] field, byte[] count) {
        String text = new String(count, StandardCharsets.US_ASCII);
        if (text.matches("-?[0-9]+")) {
            return integer(new BigInteger(text));
        }
        Object json;
        try {
            json = JsonCodec.natural().decode(count);
        } catch (CodecException e) {
            json = e;
        }
        if (json instanceof Double || json instanceof Long || json instanceof BigInteger) {
            return (Number) json;
        }
        throw new CodecException("the count of " + describe(field) + " is " + preview(count)
                + ", which is not a number", key, count, json instanceof Throwable t ? t : null);
    }

    /** A stored count as a long. */
    long exact(byte[] field, byte[] count) {
        return exact(field, number(field, count));
    }

    /** A count as a long, or a PotteryException naming the element when it is not a 64-bit integer. */
    long exact(byte[] field, Number count) {
        if (count instanceof Long n) {
            return n;
        }
        throw new PotteryException("the count of " + describe(field) + " is " + count + ", which is not a 64-bit "
                + "integer (Python stores any int or float); read it with getNumber, toNumberMap or totalNumber", key);
    }

    /** A sum, in Python's type: a Long or BigInteger, as exact as the counts. */
    static Number integer(BigInteger value) {
        return value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0 ? (Number) value.longValue() : value;
    }

    /**
     * Python's {@code sum} of the counts, in the order given: exact integers until the first float,
     * then floats (an int added to a float is converted, correctly rounded, as Python does).
     */
    Number pythonSum(Map<byte[], byte[]> all) {
        BigInteger integers = BigInteger.ZERO;
        Double floating = null;
        for (Map.Entry<byte[], byte[]> raw : all.entrySet()) {
            Number count = number(raw.getKey(), raw.getValue());
            if (floating != null) {
                floating += count.doubleValue();
            } else if (count instanceof Double d) {
                floating = integers.doubleValue() + d;
            } else {
                integers = integers.add(count instanceof BigInteger big ? big : BigInteger.valueOf(count.longValue()));
            }
        }
        return floating != null ? floating : integer(integers);
    }

    /** An element for messages: as the codec decodes its field, or the field's bytes when it does not decode. */
    String describe(byte[] field) {
        try {
            return "element " + elements.decode(field);
        } catch (CodecException e) {
            return "field " + preview(field);
        }
    }

    /** A stored count that an exact operation found not to be an integer; nothing was written. */
    PotteryException notAnInteger(byte[] field, byte[] count, String operation) {
        return new PotteryException(operation + " needs integer counts, but the count of " + describe(field) + " is "
                + new String(count, StandardCharsets.US_ASCII) + " (Python stores floats too); nothing was written",
                key);
    }

    /** Short text of stored bytes for messages. */
    private static String preview(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 60), StandardCharsets.UTF_8);
        return "'" + text + (bytes.length > 60 ? "...'" : "'");
    }
}
