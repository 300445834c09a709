package dev.pottery.codec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}: the shortest decimal that reads back as the same double, in fixed
 * notation when the decimal point falls within 16 digits of the first digit and {@code 0.0001 ≤ |x|},
 * otherwise in exponent notation with a signed two-digit-minimum exponent ({@code 1e-05}, {@code 1e+16}).
 *
 * <p>Java 17's {@link Double#toString} is not always the shortest round-trip form and uses another
 * layout, so it cannot be used for Python-compatible bytes.
 */
final class PythonFloat {

    private static final int MAX_SIGNIFICANT_DIGITS = 17;

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
        BigDecimal shortest = shortestRoundTrip(value);
        String digits = shortest.unscaledValue().abs().toString();
        // value = 0.<digits> × 10^decimalPoint
        int decimalPoint = digits.length() - shortest.scale();
        String sign = value < 0 ? "-" : "";
        if (decimalPoint <= -4 || decimalPoint > 16) {
            return sign + exponentForm(digits, decimalPoint - 1);
        }
        return sign + fixedForm(digits, decimalPoint);
    }

    private static BigDecimal shortestRoundTrip(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < MAX_SIGNIFICANT_DIGITS; precision++) {
            // Rounding the exact binary value gives the candidate nearest to it, as Python picks.
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == value) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(MAX_SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN)).stripTrailingZeros();
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
