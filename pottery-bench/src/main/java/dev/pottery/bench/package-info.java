/**
 * JMH benchmarks: each Pottery operation and the raw-Jedis floor doing the same work, in one run, on
 * the same local servers, with Redis commands per operation counted from {@code INFO commandstats}.
 * Run with {@code ./mvnw -q -pl pottery-bench -am package exec:exec -DskipTests}.
 */
package dev.pottery.bench;
