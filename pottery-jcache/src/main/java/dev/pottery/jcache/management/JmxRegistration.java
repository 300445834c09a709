package dev.pottery.jcache.management;

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
 */
public final class JmxRegistration {

    private JmxRegistration() {
    }

    /** {@code javax.cache:type=<type>,CacheManager=<uri>,Cache=<name>}, with characters JMX forbids replaced. */
    public static ObjectName objectName(String type, String managerUri, String cacheName) {
        try {
            return new ObjectName("javax.cache:type=" + type + ",CacheManager=" + safe(managerUri)
                    + ",Cache=" + safe(cacheName));
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

    private static String safe(String value) {
        return value == null ? "" : value.replaceAll(":|=|\n|,", ".");
    }
}
