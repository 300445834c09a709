package dev.pottery.collections.counter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Python {@code Counter}'s binary operators on local snapshots: each returns a new map holding only
 * the positive results, as Python's {@code + - | &} do. Order: the left operand's elements first. A sum
 * or difference beyond {@code long} is an {@link ArithmeticException} (Python's ints would grow).
 */
final class CounterArithmetic {

    private CounterArithmetic() {
    }

    static <E> Map<E, Long> plus(Map<E, Long> mine, Map<? extends E, Long> other) {
        Map<E, Long> result = new LinkedHashMap<>();
        mine.forEach((e, n) -> keepPositive(result, e, Math.addExact(n, other.getOrDefault(e, 0L))));
        other.forEach((e, n) -> {
            if (!mine.containsKey(e)) {
                keepPositive(result, e, n);
            }
        });
        return result;
    }

    static <E> Map<E, Long> minus(Map<E, Long> mine, Map<? extends E, Long> other) {
        Map<E, Long> result = new LinkedHashMap<>();
        mine.forEach((e, n) -> keepPositive(result, e, Math.subtractExact(n, other.getOrDefault(e, 0L))));
        other.forEach((e, n) -> {
            if (!mine.containsKey(e)) {
                keepPositive(result, e, Math.negateExact(n));
            }
        });
        return result;
    }

    static <E> Map<E, Long> union(Map<E, Long> mine, Map<? extends E, Long> other) {
        Map<E, Long> result = new LinkedHashMap<>();
        mine.forEach((e, n) -> keepPositive(result, e, Math.max(n, other.getOrDefault(e, 0L))));
        other.forEach((e, n) -> {
            if (!mine.containsKey(e)) {
                keepPositive(result, e, n);
            }
        });
        return result;
    }

    static <E> Map<E, Long> intersection(Map<E, Long> mine, Map<? extends E, Long> other) {
        Map<E, Long> result = new LinkedHashMap<>();
        mine.forEach((e, n) -> {
            if (other.containsKey(e)) {
                keepPositive(result, e, Math.min(n, other.get(e)));
            }
        });
        return result;
    }

    private static <E> void keepPositive(Map<E, Long> result, E element, long count) {
        if (count > 0) {
            result.put(element, count);
        }
    }
}
