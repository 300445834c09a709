package dev.pottery.jcache.configuration;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.cache.expiry.Duration;

/**
 * Typed reading of one configuration file's values; every failure is a {@link ConfigFileException}
 * naming the file, line and property.
 *
 * <pre>{@code
 * ConfigValues values = new ConfigValues(source);
 * int timeout = values.integer("pottery.timeout.millis", 0);
 * Duration ttl = values.duration("cache.books.expiry-duration");
 * }</pre>
 */
public final class ConfigValues {

    private final ConfigSource source;

    /** Values of this file. */
    public ConfigValues(ConfigSource source) {
        this.source = source;
    }

    /** The file. */
    public ConfigSource source() {
        return source;
    }

    /** The text of a property, or null if absent. */
    public String text(String property) {
        return source.values().get(property);
    }

    /** A whole number at least {@code min}. */
    public int integer(String property, int min) {
        String text = text(property);
        try {
            int value = Integer.parseInt(text);
            if (value < min) {
                throw source.problem(property, "'" + text + "' is below the least allowed value, " + min);
            }
            return value;
        } catch (NumberFormatException e) {
            throw source.problem(property, "'" + text + "' is not a whole number", e);
        }
    }

    /** {@code true} or {@code false} (any case). */
    public boolean bool(String property) {
        String text = text(property).toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw source.problem(property, "'" + text(property) + "' is neither true nor false");
    }

    /**
     * A duration: a number with a unit ({@code ms}, {@code s}, {@code m}, {@code h}, {@code d}), an
     * ISO-8601 duration ({@code PT10M}), {@code 0} (expire at once) or {@code eternal}.
     */
    public Duration duration(String property) {
        String text = text(property).trim().toLowerCase(Locale.ROOT);
        if (text.equals("eternal")) {
            return Duration.ETERNAL;
        }
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        try {
            if (text.startsWith("p")) {
                long millis = java.time.Duration.parse(text.toUpperCase(Locale.ROOT)).toMillis();
                return millis == 0 ? Duration.ZERO : new Duration(TimeUnit.MILLISECONDS, millis);
            }
            int unitStart = 0;
            while (unitStart < text.length() && Character.isDigit(text.charAt(unitStart))) {
                unitStart++;
            }
            long amount = Long.parseLong(text.substring(0, unitStart));
            TimeUnit unit = switch (text.substring(unitStart).trim()) {
                case "ms" -> TimeUnit.MILLISECONDS;
                case "s" -> TimeUnit.SECONDS;
                case "m", "min" -> TimeUnit.MINUTES;
                case "h" -> TimeUnit.HOURS;
                case "d" -> TimeUnit.DAYS;
                default -> throw new NumberFormatException("unit");
            };
            return amount == 0 ? Duration.ZERO : new Duration(unit, amount);
        } catch (RuntimeException e) {
            throw source.problem(property, "'" + text(property) + "' is not a duration (examples: 500ms, 30s, 10m,"
                    + " 2h, 1d, PT10M, 0, eternal)", e);
        }
    }

    /** A comma-separated list of {@code host:port}. */
    public List<String> nodes(String property) {
        List<String> nodes = new ArrayList<>();
        for (String part : text(property).split(",")) {
            String node = part.trim();
            int colon = node.lastIndexOf(':');
            boolean valid = colon > 0 && colon < node.length() - 1;
            if (valid) {
                try {
                    int port = Integer.parseInt(node.substring(colon + 1));
                    valid = port > 0 && port < 65536;
                } catch (NumberFormatException e) {
                    valid = false;
                }
            }
            if (!valid) {
                throw source.problem(property, "'" + node + "' is not host:port (expected a comma-separated list"
                        + " such as 10.0.0.1:7000,10.0.0.2:7000)");
            }
            nodes.add(node);
        }
        return nodes;
    }

    /** Class patterns in {@link java.io.ObjectInputFilter} syntax, separated by commas or semicolons. */
    public List<String> allowPatterns(String property) {
        List<String> patterns = ManagerSettings.allowPatterns(text(property));
        try {
            dev.pottery.codec.SerializingCodec.create().allowPatterns(patterns);
        } catch (IllegalArgumentException e) {
            throw source.problem(property, e.getMessage() + " (expected class names or patterns such as"
                    + " com.example.Order, com.example.model.*, com.example.**)", e);
        }
        return patterns;
    }

    /** A redis:// or rediss:// URL with a host. */
    public String redisUrl(String property) {
        String text = text(property);
        try {
            URI uri = URI.create(text);
            if (!ManagerSettings.isRedisUrl(uri) || uri.getHost() == null) {
                throw new IllegalArgumentException("scheme or host");
            }
            return text;
        } catch (IllegalArgumentException e) {
            // no cause: the URI parser's message would repeat the URL with its password
            throw source.problem(property, "'" + ManagerSettings.withoutUserInfo(text)
                    + "' is not a Redis URL (redis://[user:password@]host:port[/db] or rediss://...)");
        }
    }

    /** A class, loaded with the manager's class loader, that must be assignable to {@code expected}. */
    public Class<?> type(String property, ClassLoader loader, Class<?> expected) {
        String name = text(property);
        Class<?> type = ClassNames.load(name, loader);
        if (type == null) {
            throw source.problem(property, "class '" + name + "' is not on the class path");
        }
        if (expected != null && !expected.isAssignableFrom(type)) {
            throw source.problem(property, "class '" + name + "' is not a " + expected.getName());
        }
        return type;
    }
}
