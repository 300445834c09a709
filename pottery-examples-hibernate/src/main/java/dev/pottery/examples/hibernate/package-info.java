/**
 * Hibernate ORM 6 with its second-level cache in Redis: hibernate-jcache's region factory, Pottery's JCache
 * provider and a Pottery configuration file, set by Hibernate properties only.
 */
package dev.pottery.examples.hibernate;
