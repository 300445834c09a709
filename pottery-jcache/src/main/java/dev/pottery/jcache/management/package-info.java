/**
 * Management: the two JSR-107 MXBeans ({@code CacheMXBean} for the configuration,
 * {@code CacheStatisticsMXBean} for the counters) and their registration with the platform MBean server
 * under the spec's names, {@code javax.cache:type=CacheStatistics,CacheManager=<uri>,Cache=<name>}.
 *
 * <p>Statistics count what this JVM's cache did; another JVM using the same Redis cache keeps its own.
 */
package dev.pottery.jcache.management;
