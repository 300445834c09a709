package dev.pottery.tck;

import javax.cache.annotation.BeanProvider;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The TCK's way into a dependency-injection container for its 12 annotation tests
 * ({@code org.jsr107.tck.annotation}): a Weld SE container holding the TCK's annotated blog managers (the
 * {@code cache-tests} jar is a bean archive) and the JSR-107 reference implementation's CDI interceptors
 * ({@code org.jsr107.ri:cache-annotations-ri-cdi}), which resolve caches through
 * {@code Caching.getCachingProvider()}: Pottery's provider, on the TCK's redis-server. Registered in
 * {@code META-INF/services/javax.cache.annotation.BeanProvider}, where the TCK looks for it.
 *
 * <pre>{@code
 * BlogManager manager = new WeldBeanProvider().getBeanByType(ClassLevelCacheConfigBlogManagerImpl.class);
 * manager.getEntryCached("title");     // @CacheResult: the second call is a hit in Redis
 * }</pre>
 *
 * <p>The interceptors are enabled in the {@code beans.xml} of the RI's jar only. Archive isolation is turned
 * off so that Weld treats the class path as one archive (as the TCK's own Weld harness did, with every jar
 * unpacked into one directory): interceptors enabled there then apply to the TCK's beans too.
 */
public final class WeldBeanProvider implements BeanProvider {

    private final WeldContainer container;

    /** Starts the container (once per JVM: the TCK loads its bean provider in a static initializer). */
    public WeldBeanProvider() {
        container = new Weld("pottery-tck")
                .property(Weld.ARCHIVE_ISOLATION_SYSTEM_PROPERTY, false)
                .initialize();
    }

    @Override
    public <T> T getBeanByType(Class<T> beanClass) {
        return container.select(beanClass).get();
    }
}
