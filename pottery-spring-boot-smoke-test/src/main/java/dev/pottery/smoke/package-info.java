/** The smallest Spring Boot application whose cache lives in Redis through pottery-spring-boot-starter. */
package dev.pottery.smoke;
