package dev.pottery.spring.boot;

import dev.pottery.jcache.PotteryCacheManager;
import javax.cache.CacheManager;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import redis.clients.jedis.UnifiedJedis;

/**
 * Actuator's {@code pottery} health contributor: UP when the caches' Redis answers PING (1 round trip), DOWN
 * with the error otherwise. Details: the address (never credentials), the key namespace and the caches this
 * instance has open.
 *
 * <pre>{@code
 * GET /actuator/health/pottery
 * {"status":"UP","details":{"address":"cache-host:6379","namespace":"shop","caches":["books"]}}
 * }</pre>
 */
final class PotteryHealthIndicator extends AbstractHealthIndicator {

    private final CacheManager manager;

    PotteryHealthIndicator(CacheManager manager) {
        super("Redis of Pottery's caches is unavailable");
        this.manager = manager;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        PotteryCacheManager pottery = manager.unwrap(PotteryCacheManager.class);
        builder.withDetail("address", pottery.settings().address())
                .withDetail("namespace", pottery.settings().namespace())
                .withDetail("caches", manager.getCacheNames());
        manager.unwrap(UnifiedJedis.class).ping();
        builder.up();
    }
}
