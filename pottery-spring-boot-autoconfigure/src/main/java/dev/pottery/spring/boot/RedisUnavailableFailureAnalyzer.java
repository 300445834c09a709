package dev.pottery.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link RedisUnavailableException} anywhere in a startup failure into Spring Boot's short
 * "APPLICATION FAILED TO START" report: what failed (the address and the properties it came from) and what to
 * do. Registered in {@code META-INF/spring.factories}.
 *
 * <pre>{@code
 * Description:
 * Pottery's caches cannot reach Redis at 127.0.0.1:6390 (from spring.data.redis.url): Connection refused
 *
 * Action:
 * Start Redis at 127.0.0.1:6390, or correct spring.data.redis.url. To start without Redis ...
 * }</pre>
 */
public final class RedisUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<RedisUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RedisUnavailableException cause) {
        String action = "Start Redis at " + cause.address() + ", or correct " + cause.source() + ". To start"
                + " without Redis (cache calls then fail until it answers), set pottery.cache.startup=lazy.";
        return new FailureAnalysis(cause.getMessage(), action, cause);
    }
}
