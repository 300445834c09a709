/**
 * Configuration: where the Redis server is and how keys are named ({@link
 * dev.pottery.jcache.configuration.ManagerSettings}), Pottery's own cache configuration type (codecs and
 * namespace), and the record of a cache's configuration kept in Redis so that another manager or JVM
 * opening the cache gets the same one.
 */
package dev.pottery.jcache.configuration;
