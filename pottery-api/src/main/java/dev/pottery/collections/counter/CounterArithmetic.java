package dev.pottery.collections.counter;

import dev.pottery.PotteryException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Python {@code Counter}'s binary operators on local snapshots: each returns a new map holding only
 * the positive results, as Python's {@code + - | &} do. Order: the left operand's elements first. A sum
 * or difference beyond {@code long} (Python's ints would grow) is a {@link PotteryException} naming the
 * Redis key and the element.
 */
final class CounterArithmetic {

    private CounterArithmetic() {
    }

    static <E> Map<E, Long> plus(Map<E, Long> mine, Map<? extends E, Long> other, String key) {
        Map<E, Long> result = new LinkedHashMap<>();
        mine.forEach((e, n) -> {
            long m = other.getOrDefault(e, 0L);
            long sum = n + m;
            if (((n ^ sum) & (m ^ sum)) < 0) {
                throw beyondLong(e, n + " + " + m, key);
            }
            keepPositive(result, e, sum);
        });
        other.forEach((e, n) -> {
            if (!mine.containsKey(e)) {
                keepPositive(result, e, n);
            }
        });
        return result;
    }

    static <E> Map<E, Long> minus(Map<E, Long> mine, Map<? extends E, Long> other, String key) {
        Map<E, Long> result = new LinkedHashMap<>();
        mine.forEach((e, n) -> {
            long m = other.getOrDefault(e, 0L);
            long difference = n - m;
            if (((n ^ m) & (n ^ difference)) < 0) {
                throw beyondLong(e, n + " - " + m, key);
            }
            keepPositive(result, e, difference);
        });
        other.forEach((e, n) -> {
            if (!mine.containsKey(e) && n < 0) {
                if (n == Long.MIN_VALUE) {
                    throw beyondLong(e, "0 - " + n, key);
                }
                keepPositive(result, e, -n);
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

    private static PotteryException beyondLong(Object element, String operation, String key) {
        return new PotteryException("the count of element " + element + " would be " + operation
                + ", which is beyond a 64-bit integer (Python's ints grow); read the counts with toNumberMap", key);
    }

    private static <E> void keepPositive(Map<E, Long> result, E element, long count) {
        if (count > 0) {
            result.put(element, count);
        }
    }
}
