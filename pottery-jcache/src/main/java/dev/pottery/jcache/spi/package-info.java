/**
 * The service-provider entry point: {@link dev.pottery.jcache.spi.PotteryCachingProvider}, found by
 * {@code javax.cache.Caching} through {@code META-INF/services/javax.cache.spi.CachingProvider}.
 */
package dev.pottery.jcache.spi;
