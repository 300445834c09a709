/**
 * The harness that runs the official JSR-107 TCK against Pottery: it starts one real redis-server for the
 * whole session and points the provider's default URI at it. Nothing is reset between tests; the TCK's own
 * destroyCache calls clean up. The TCK's classes come from {@code javax.cache:cache-tests}.
 */
package dev.pottery.tck;
