/**
 * A Spring Boot 3 application whose {@code @Cacheable} caches live in Redis: pottery-spring-boot-starter,
 * {@code spring.data.redis.url} and {@code @EnableCaching}, no Pottery-specific code.
 */
package dev.pottery.examples.spring;
