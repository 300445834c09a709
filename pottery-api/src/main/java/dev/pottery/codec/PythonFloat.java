package dev.pottery.codec;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import java.math.BigDecimal;

/**
 * Python's {@code repr(float)}, which {@code json.dumps} writes for a float: the shortest decimal that
 * reads back as the same double (and of those, the one nearest to it), in fixed notation when
 * {@code 1e-4 <= |x| < 1e16}, otherwise in exponent notation with a sign and at least two exponent
 * digits ({@code 1e-05}, {@code 1.5e+300}); a whole number in fixed notation keeps {@code .0}.
 *
 * <p>The digits come from Raffaello Giulietti's Schubfach algorithm ("The Schubfach way to render
 * doubles", 2020), as Jackson ships it ({@link DoubleToDecimal}, the code behind Java 19's
 * {@link Double#toString}). Schubfach and Python's {@code repr} (David Gay's {@code dtoa}, mode 0)
 * both pick the shortest round-trip decimal nearest to the double, with one exception: where a single
 * digit would do, Schubfach may give two digits nearer to the double ({@code 4.9E-324} for
 * {@code 5e-324}). That only happens for the smallest subnormals, and is undone here. Java 17's own
 * {@link Double#toString} is not shortest ({@code 2^-24} gives 17 digits where Python gives 16) and
 * cannot be used. {@code PythonFloatTableTest} checks every digit against a table of Python's output.
 */
final class PythonFloat {

    private PythonFloat() {
    }

    static String repr(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        double magnitude = Math.abs(value);
        Decimal shortest = Decimal.parse(DoubleToDecimal.toString(magnitude));
        if (magnitude < Double.MIN_NORMAL && shortest.digits.length() == 2) {
            shortest = shortest.oneDigitIfExact(magnitude);
        }
        String sign = value < 0 ? "-" : "";
        if (shortest.point <= -4 || shortest.point > 16) {
            return sign + exponentForm(shortest.digits, shortest.point - 1);
        }
        return sign + fixedForm(shortest.digits, shortest.point);
    }

    /**
     * A positive decimal {@code 0.<digits> × 10^point}: {@code digits} without leading or trailing
     * zeros, so 0.001 is ("1", -2) and 100 is ("1", 3). Python's layout rules are stated on this form.
     */
    private record Decimal(String digits, int point) {

        /** Reads Java's {@code Double.toString} layout: {@code 123.45}, {@code 0.001}, {@code 5.9E-8}. */
        static Decimal parse(String text) {
            int e = text.indexOf('E');
            String mantissa = e < 0 ? text : text.substring(0, e);
            int exponent = e < 0 ? 0 : Integer.parseInt(text.substring(e + 1));
            int dot = mantissa.indexOf('.');
            String all = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
            int point = dot + exponent;
            int first = 0;
            while (first < all.length() - 1 && all.charAt(first) == '0') {
                first++;
            }
            int end = all.length();
            while (end > first + 1 && all.charAt(end - 1) == '0') {
                end--;
            }
            return new Decimal(all.substring(first, end), point - first);
        }

        /**
         * This two-digit decimal, or the one-digit decimal nearest to {@code value} when one reads back
         * as {@code value} (Python's shortest; a tie, which subnormals cannot produce, goes to even).
         */
        Decimal oneDigitIfExact(double value) {
            int below = digits.charAt(0) - '0';
            Decimal down = new Decimal(Integer.toString(below), point);
            Decimal up = below == 9 ? new Decimal("1", point + 1) : new Decimal(Integer.toString(below + 1), point);
            boolean downExact = down.doubleValue() == value;
            boolean upExact = up.doubleValue() == value;
            if (downExact && upExact) {
                BigDecimal exact = new BigDecimal(value);
                int cmp = exact.subtract(down.exact()).compareTo(up.exact().subtract(exact));
                return cmp < 0 || (cmp == 0 && below % 2 == 0) ? down : up;
            }
            return downExact ? down : upExact ? up : this;
        }

        double doubleValue() {
            return Double.parseDouble("0." + digits + "e" + point);
        }

        BigDecimal exact() {
            return new BigDecimal("0." + digits + "e" + point);
        }
    }

    private static String exponentForm(String digits, int exponent) {
        StringBuilder out = new StringBuilder().append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int magnitude = Math.abs(exponent);
        if (magnitude < 10) {
            out.append('0');
        }
        return out.append(magnitude).toString();
    }

    private static String fixedForm(String digits, int decimalPoint) {
        if (decimalPoint <= 0) {
            return "0." + "0".repeat(-decimalPoint) + digits;
        }
        if (decimalPoint < digits.length()) {
            return digits.substring(0, decimalPoint) + "." + digits.substring(decimalPoint);
        }
        return digits + "0".repeat(decimalPoint - digits.length()) + ".0";
    }
}
