package dev.pottery.jcache.management;

import dev.pottery.jcache.configuration.ManagerSettings;
import java.lang.management.ManagementFactory;
import javax.cache.CacheException;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Registers a cache's MXBeans with the platform MBean server under the spec's object names.
 *
 * <pre>{@code
 * ObjectName name = JmxRegistration.objectName("CacheStatistics", manager.getURI().toString(), "users");
 * JmxRegistration.register(statistics, name);
 * }</pre>
 *
 * <p>Names are {@code javax.cache:type=<type>,CacheManager=<uri>,Cache=<name>}. The manager URI loses its
 * user name, password and secret-looking query parameters first ({@link ManagerSettings#shown(String)}): any
 * JMX client, and every tool that copies MBean names into metric tags, reads these names. Then each value is
 * written as the reference implementation and the TCK write it ({@code ,}, {@code :}, {@code =} and newlines
 * replaced by {@code .}) when that gives a plain value; a value that would still hold a character JMX treats
 * specially ({@code *} and {@code ?} make a pattern, which cannot be registered; {@code "} and {@code \}),
 * or that is empty, is quoted with {@link ObjectName#quote(String)} instead. A cache name that needs any
 * replacement is quoted rather than replaced, so that two caches of one manager never share a name.
 */
public final class JmxRegistration {

    private JmxRegistration() {
    }

    /**
     * The object name of one of a cache's MXBeans.
     *
     * @param type {@code CacheConfiguration} or {@code CacheStatistics}
     * @param managerUri the manager's URI as given (credentials are removed here)
     * @param cacheName the cache's name: any string
     * @throws CacheException if no object name can be made (never for a legal cache name and URI)
     */
    public static ObjectName objectName(String type, String managerUri, String cacheName) {
        try {
            return new ObjectName("javax.cache:type=" + type + ",CacheManager="
                    + value(replaced(ManagerSettings.shown(managerUri)), ManagerSettings.shown(managerUri))
                    + ",Cache=" + value(cacheName, cacheName));
        } catch (MalformedObjectNameException e) {
            throw new CacheException("cannot name the MXBean of cache " + cacheName, e);
        }
    }

    /** Registers a bean, replacing one left under the same name (e.g. by a closed manager). */
    public static void register(Object bean, ObjectName name) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(bean, name);
        } catch (InstanceAlreadyExistsException | InstanceNotFoundException e) {
            // Another thread registered or removed it at the same moment; the bean in place serves.
        } catch (Exception e) {
            throw new CacheException("cannot register MXBean " + name, e);
        }
    }

    /** Unregisters a bean if it is registered. */
    public static void unregister(ObjectName name) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        } catch (InstanceNotFoundException e) {
            // Already gone.
        } catch (Exception e) {
            throw new CacheException("cannot unregister MXBean " + name, e);
        }
    }

    /** {@code plain} when it is a legal unquoted value, else {@code original} quoted. */
    private static String value(String plain, String original) {
        String text = original == null ? "" : original;
        if (plain == null || plain.isEmpty() || plain.chars().anyMatch(c -> "*?\"\\,=:\n".indexOf(c) >= 0)) {
            return ObjectName.quote(text);
        }
        return plain;
    }

    /** The RI's and TCK's form of a manager URI in an object name. */
    private static String replaced(String value) {
        return value == null ? "" : value.replaceAll(",|:|=|\n", ".");
    }
}
