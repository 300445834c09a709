/** A small Spring Boot application cached through the auto-configuration, for the behaviour tests. */
package dev.pottery.spring.boot.app;
