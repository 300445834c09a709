/**
 * Configuration: where the Redis server is and how keys are named ({@link
 * dev.pottery.jcache.configuration.ManagerSettings}, {@link dev.pottery.jcache.configuration.RedisTopology}),
 * the configuration file a manager URI may name ({@link dev.pottery.jcache.configuration.ConfigFile}, checked
 * at open; {@link dev.pottery.jcache.configuration.ConfigFileException} names file, line and property),
 * Pottery's own cache configuration type (codecs and namespace), and the record of a cache's configuration
 * kept in Redis so that another manager or JVM opening the cache gets the same one.
 */
package dev.pottery.jcache.configuration;
