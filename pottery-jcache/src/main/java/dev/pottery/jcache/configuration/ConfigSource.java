package dev.pottery.jcache.configuration;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw text of a configuration file: read from a {@code classpath:} resource or any URL (file:, jar:,
 * ...; a {@code #fragment} is ignored when reading, so it can tell managers on one file apart), its
 * properties with {@code ${NAME}} / {@code ${NAME:default}} placeholders resolved from system properties
 * and then environment variables, and the line each property is on, for messages.
 *
 * <pre>{@code
 * ConfigSource source = ConfigSource.read(URI.create("classpath:pottery-cache.properties"), loader);
 * String url = source.values().get("pottery.redis.url");
 * }</pre>
 */
public final class ConfigSource {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    private final String name;
    private final String text;
    private final Map<String, String> values;

    private ConfigSource(String name, String text, Map<String, String> values) {
        this.name = name;
        this.text = text;
        this.values = values;
    }

    /** Whether a manager URI names a configuration file rather than a server or a plain name. */
    public static boolean isConfigFile(URI uri) {
        String scheme = uri.getScheme();
        if (scheme != null && scheme.toLowerCase(Locale.ROOT).equals("classpath")) {
            return true;
        }
        // The fragment is not part of the file: "...pottery.properties#node-b" reads the same file but is a
        // manager URI of its own (two managers on one file in one JVM, e.g. two Hibernate SessionFactories).
        String file = uri.isOpaque() ? uri.getSchemeSpecificPart() : uri.getPath();
        return scheme != null && file != null && !ManagerSettings.isRedisUrl(uri)
                && file.toLowerCase(Locale.ROOT).endsWith(".properties");
    }

    /** Reads the file a manager URI names. */
    public static ConfigSource read(URI uri, ClassLoader loader) {
        String name = ManagerSettings.shown(uri);
        byte[] bytes;
        try (InputStream in = open(uri, loader, name)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ConfigFileException(name, 0, null, "cannot be read: " + e.getClass().getName() + ": "
                    + ManagerSettings.shownWithin(e.getMessage()), e);
        }
        return parse(name, new String(bytes, StandardCharsets.UTF_8));
    }

    /** Parses text already read (the name is used in messages). */
    public static ConfigSource parse(String name, String text) {
        Properties raw = new Properties();
        try {
            raw.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigFileException(name, 0, null, "is not a valid .properties file: " + e.getMessage(), e);
        }
        ConfigSource source = new ConfigSource(name, text, new LinkedHashMap<>());
        for (String key : raw.stringPropertyNames()) {
            source.values.put(key, source.resolve(key, raw.getProperty(key)));
        }
        return source;
    }

    /** The file's name, as the manager URI gave it. */
    public String name() {
        return name;
    }

    /** Every property, placeholders resolved. */
    public Map<String, String> values() {
        return values;
    }

    /** A problem with one property, located by line. */
    public ConfigFileException problem(String property, String problem) {
        return problem(property, problem, null);
    }

    /** A problem with one property, located by line, with its cause. */
    public ConfigFileException problem(String property, String problem, Throwable cause) {
        return new ConfigFileException(name, lineOf(property), property, problem, cause);
    }

    /** The 1-based line a property starts on, or 0 if it cannot be told (escapes, continuations). */
    int lineOf(String property) {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripLeading();
            if (line.startsWith(property) && (line.length() == property.length()
                    || " \t=:".indexOf(line.charAt(property.length())) >= 0)) {
                return i + 1;
            }
        }
        return 0;
    }

    private String resolve(String key, String value) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1).trim();
            String found = System.getProperty(variable);
            if (found == null) {
                found = System.getenv(variable);
            }
            if (found == null) {
                found = matcher.group(2);
            }
            if (found == null) {
                throw problem(key, "${" + variable + "} is neither a system property nor an environment variable"
                        + " (write ${" + variable + ":default} to give a default)");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(found));
        }
        matcher.appendTail(out);
        return out.toString().trim();
    }

    private static InputStream open(URI uri, ClassLoader loader, String name) throws IOException {
        if ("classpath".equalsIgnoreCase(uri.getScheme())) {
            String path = uri.getSchemeSpecificPart();
            while (path.startsWith("/")) {
                path = path.substring(1);
            }
            InputStream in = loader == null ? null : loader.getResourceAsStream(path);
            if (in == null) {
                throw new ConfigFileException(name, 0, null, "no such resource on the class path", null);
            }
            return in;
        }
        URL url;
        try {
            url = uri.toURL();
        } catch (IllegalArgumentException | IOException e) {
            throw new ConfigFileException(name, 0, null, "is not a URL that can be read: "
                    + ManagerSettings.shownWithin(e.getMessage()), e);
        }
        return url.openStream();
    }
}
