/**
 * A Spring Boot 3 application whose {@code @Cacheable} caches live in Redis: Spring's JCache support with
 * Pottery's provider and a Pottery configuration file, no Pottery-specific Spring code.
 */
package dev.pottery.examples.spring;
