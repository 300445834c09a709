package dev.pottery.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;

/**
 * JSON object keys as Python's encoder treats them: strings sort by code point; number and boolean keys
 * sort numerically and are then written as strings ({@code {1: 2}} becomes {@code {"1": 2}}); a mix of
 * strings and numbers cannot be sorted (Python raises {@code TypeError}) and is refused. A null key is
 * Python's {@code None} and is written {@code "null"}; Python can sort it only when it is the map's one key.
 * Keys of other types are refused, as Python refuses them.
 */
final class ObjectKeys {

    /** Python's string order: by Unicode code point, which differs from {@link String#compareTo} for surrogates. */
    static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private ObjectKeys() {
    }

    static Comparator<Map.Entry<?, ?>> pythonOrder(Collection<?> keys) {
        for (Object key : keys) {
            if (key != null && !(key instanceof CharSequence || key instanceof Character || key instanceof Number
                    || key instanceof Boolean)) {
                throw new CodecException("cannot encode a map with a " + key.getClass().getName()
                        + " key: JSON object keys are strings, numbers, booleans or null (Python's json refuses others)");
            }
        }
        if (keys.size() == 1) {
            return (a, b) -> 0; // sorted() of one key compares nothing, so Python accepts any key type, None too
        }
        if (keys.stream().anyMatch(Objects::isNull)) {
            throw new CodecException("cannot encode a map with a null key among other keys: JSON object keys are "
                    + "sorted, and Python cannot order None against strings, numbers or booleans");
        }
        boolean allText = keys.stream().allMatch(k -> k instanceof CharSequence || k instanceof Character);
        if (allText) {
            return Comparator.comparing(e -> e.getKey().toString(), CODE_POINT_ORDER);
        }
        boolean allNumeric = keys.stream().allMatch(k -> k instanceof Number || k instanceof Boolean);
        if (allNumeric) {
            return Comparator.comparing(e -> numericValue(e.getKey()));
        }
        throw new CodecException("cannot encode a map whose keys mix types " + keys.stream()
                .map(k -> k == null ? "null" : k.getClass().getSimpleName()).distinct().toList()
                + ": JSON object keys are sorted, and Python cannot order strings against numbers");
    }

    static String asString(Object key) {
        if (key == null) {
            return "null";
        }
        if (key instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (key instanceof Double || key instanceof Float) {
            return PythonFloat.repr(((Number) key).doubleValue());
        }
        return key.toString();
    }

    private static BigDecimal numericValue(Object key) {
        if (key instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (key instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (key instanceof BigDecimal decimal) {
            return decimal;
        }
        if (key instanceof Double || key instanceof Float) {
            double d = ((Number) key).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new CodecException("cannot encode a map with the key " + d + ": it has no place in a sorted order");
            }
            return new BigDecimal(d);
        }
        return BigDecimal.valueOf(((Number) key).longValue());
    }
}
