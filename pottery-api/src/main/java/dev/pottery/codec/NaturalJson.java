package dev.pottery.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts a parsed JSON tree into the natural Java types Python's {@code json.loads} would give. */
final class NaturalJson {

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private NaturalJson() {
    }

    static Object toJava(JsonNode node) {
        if (node == null) {
            throw new CodecException("empty input is not JSON");
        }
        return switch (node.getNodeType()) {
            case NULL -> null;
            case BOOLEAN -> node.booleanValue();
            case STRING -> node.textValue();
            case NUMBER -> number(node);
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                node.elements().forEachRemaining(item -> list.add(toJava(item)));
                yield list;
            }
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                node.fields().forEachRemaining(e -> map.put(e.getKey(), toJava(e.getValue())));
                yield map;
            }
            default -> throw new CodecException("unexpected JSON node " + node.getNodeType());
        };
    }

    private static Object number(JsonNode node) {
        if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            boolean fitsLong = value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0;
            return fitsLong ? (Object) value.longValue() : value;
        }
        return node.doubleValue();
    }
}
