package dev.pottery.jcache.configuration;

import javax.cache.CacheException;

/**
 * A Pottery configuration file that cannot be used: the message names the file, the line and property
 * (when one is at fault) and what is wrong, so that a cache manager fails at open rather than later.
 *
 * <pre>{@code
 * try {
 *     provider.getCacheManager(URI.create("classpath:pottery-cache.properties"), null);
 * } catch (ConfigFileException e) {
 *     // "classpath:pottery-cache.properties line 7: cache.books.expiry-duration = '10 parsecs': not a duration ..."
 *     log.error(e.getMessage());
 * }
 * }</pre>
 */
public class ConfigFileException extends CacheException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String property;

    /** A problem with one property (null when the file as a whole is at fault) of the named file. */
    public ConfigFileException(String file, int line, String property, String problem, Throwable cause) {
        super(file + (line > 0 ? " line " + line : "") + ": " + (property == null ? "" : property + ": ") + problem,
                cause);
        this.file = file;
        this.property = property;
    }

    /** The file, as the manager URI named it. */
    public String file() {
        return file;
    }

    /** The property at fault, or null when the file as a whole is. */
    public String property() {
        return property;
    }
}
