package dev.pottery.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the exact text of Python's {@code json.dumps(value, sort_keys=True)} with its defaults:
 * {@code ", "} and {@code ": "} separators, keys sorted, {@code ensure_ascii} escapes with lower-case
 * hex, floats as {@code repr}. Equal values must give equal bytes, because Redis matches hash fields,
 * set members and list elements byte for byte.
 *
 * <p>Accepts the natural Java forms of JSON values (null, {@link Boolean}, integral {@link Number}s,
 * {@link Float}/{@link Double}, {@link CharSequence}, {@link Character}, enums by name, {@link List}s and
 * other ordered collections, object arrays (null items allowed) and primitive arrays other than
 * {@code byte[]}/{@code char[]}, {@link Map}s with string, number or boolean keys, or the one key null) and
 * Jackson trees.
 */
final class PythonJsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PythonJsonWriter() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        writeValue(out, value);
        return out.toString();
    }

    private static void writeValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof CharSequence || value instanceof Character) {
            writeString(out, value.toString());
        } else if (value instanceof Number number) {
            writeNumber(out, number);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(out, map);
        } else if (value instanceof JsonNode node) {
            writeNode(out, node);
        } else if (value instanceof Set<?> && !(value instanceof SortedSet<?>)) {
            throw new CodecException("cannot encode a " + value.getClass().getName()
                    + " as JSON: a set has no stable order (Python's json rejects sets too); use a List or a SortedSet");
        } else if (value instanceof Collection<?> items) {
            writeArray(out, items.iterator());
        } else if (value instanceof Object[] array) {
            writeArray(out, Arrays.asList(array).iterator()); // List.of would refuse a null item
        } else if (value.getClass().isArray()) {
            writePrimitiveArray(out, value);
        } else if (value instanceof Enum<?> constant) {
            writeString(out, constant.name());
        } else {
            throw new CodecException("cannot encode a " + value.getClass().getName()
                    + " with the natural JSON codec, which stores only JSON types (strings, numbers, booleans, null, "
                    + "lists, maps); use JsonCodec.of(" + value.getClass().getSimpleName() + ".class) for your own types");
        }
    }

    private static void writeNumber(StringBuilder out, Number number) {
        if (number instanceof Double || number instanceof Float) {
            out.append(PythonFloat.repr(number.doubleValue()));
        } else if (number instanceof Long || number instanceof Integer || number instanceof Short
                || number instanceof Byte || number instanceof BigInteger || number instanceof AtomicInteger
                || number instanceof AtomicLong) {
            out.append(number.toString());
        } else if (number instanceof BigDecimal) {
            throw new CodecException("cannot encode BigDecimal " + number + " with the natural JSON codec: Python reads "
                    + "it back as a binary float; store a double, or use JsonCodec.of(...) with a type that holds it");
        } else {
            throw new CodecException("cannot encode a " + number.getClass().getName() + " as a JSON number");
        }
    }

    /** {@code int[]}, {@code double[]}, ... as JSON arrays; {@code byte[]} and {@code char[]} have no JSON form. */
    private static void writePrimitiveArray(StringBuilder out, Object array) {
        Class<?> item = array.getClass().getComponentType();
        if (item == byte.class || item == char.class) {
            throw new CodecException("cannot encode a " + item + "[] with the natural JSON codec: Python's json has no "
                    + "bytes type (it refuses them too); store a String, a List of numbers, or use BytesCodec");
        }
        int length = Array.getLength(array);
        List<Object> items = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            items.add(Array.get(array, i));
        }
        writeArray(out, items.iterator());
    }

    private static void writeArray(StringBuilder out, Iterator<?> items) {
        out.append('[');
        boolean first = true;
        while (items.hasNext()) {
            if (!first) {
                out.append(", ");
            }
            writeValue(out, items.next());
            first = false;
        }
        out.append(']');
    }

    private static void writeObject(StringBuilder out, Map<?, ?> map) {
        List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
        entries.sort(ObjectKeys.pythonOrder(map.keySet()));
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : entries) {
            if (!first) {
                out.append(", ");
            }
            writeString(out, ObjectKeys.asString(entry.getKey()));
            out.append(": ");
            writeValue(out, entry.getValue());
            first = false;
        }
        out.append('}');
    }

    private static void writeNode(StringBuilder out, JsonNode node) {
        switch (node.getNodeType()) {
            case NULL, MISSING -> out.append("null");
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case STRING -> writeString(out, node.textValue());
            case NUMBER -> {
                if (node.isIntegralNumber()) {
                    out.append(node.bigIntegerValue());
                } else if (node.isBigDecimal()) {
                    // A typed codec's BigDecimal: plain digits, read back exactly by Jackson.
                    out.append(node.decimalValue().toString());
                } else {
                    out.append(PythonFloat.repr(node.doubleValue()));
                }
            }
            case ARRAY -> {
                List<JsonNode> items = new ArrayList<>();
                node.elements().forEachRemaining(items::add);
                writeArray(out, items.iterator());
            }
            case OBJECT -> {
                Map<String, JsonNode> fields = new java.util.TreeMap<>(ObjectKeys.CODE_POINT_ORDER);
                node.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
                writeObject(out, fields);
            }
            default -> throw new CodecException("cannot encode a " + node.getNodeType() + " JSON node (binary or POJO)"
                    + "; map it to JSON types first");
        }
    }

    /** Python's {@code ensure_ascii} string form. */
    static void writeString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        // Characters beyond the BMP are already two UTF-16 units: two escapes, as Python writes.
                        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                                .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
