package dev.pottery.spring.boot;

/**
 * How a cache turns values into Redis bytes ({@code pottery.cache.default.codec}, or per cache).
 *
 * <pre>{@code
 * pottery.cache.default.codec=json
 * pottery.cache.caches.legacy.codec=java
 * }</pre>
 */
public enum ValueCodec {

    /** Java serialization: every cached value must be {@code Serializable} (Pottery's default). */
    JAVA,

    /**
     * JSON written by the application context's Jackson {@code ObjectMapper} (a copy of it), with the type of
     * each value recorded so that it reads back as the same class; values need not be {@code Serializable}.
     * Only the application's packages and plain JDK value types are read back
     * ({@code pottery.cache.json.allowed-packages} adds others).
     */
    JSON
}
