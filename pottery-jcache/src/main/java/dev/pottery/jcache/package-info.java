/**
 * Pottery's JSR-107 (JCache) provider: {@code javax.cache} caches stored in Redis.
 *
 * <p>The root package holds the manager, the cache and its Redis command layer; sub-packages hold one
 * concern each: {@code spi} (the provider), {@code configuration}, {@code event}, {@code expiry},
 * {@code integration} (loader and writer), {@code processor} (entry processors), {@code management}
 * (MXBeans) and {@code metrics} (Micrometer, optional). The Redis layout is described in
 * {@code src/storage-format.md}.
 */
package dev.pottery.jcache;
