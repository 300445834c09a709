/**
 * The harness that runs the official JSR-107 TCK against Pottery: it starts a real redis-server for the
 * session and gives each test an empty one. The TCK's own classes come from {@code cache-tests}.
 */
package dev.pottery.tck;
