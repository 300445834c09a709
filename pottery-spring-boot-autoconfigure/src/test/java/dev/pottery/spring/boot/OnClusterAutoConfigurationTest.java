package dev.pottery.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pottery.testing.OnRedisCluster;
import dev.pottery.testing.RedisClusterGroup;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.cache.CacheAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.UnifiedJedis;

/** spring.data.redis.cluster.nodes: the startup check, the caches and the health contributor on a real 3-master cluster. */
@OnRedisCluster
class OnClusterAutoConfigurationTest {

    @Test
    void springsClusterNodesMakeAClusterCacheManager(RedisClusterGroup cluster, UnifiedJedis redis) {
        String nodes = cluster.nodes().stream().map(node -> node.host() + ":" + node.port())
                .collect(Collectors.joining(","));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PotteryCacheAutoConfiguration.class,
                        PotteryCacheHealthAutoConfiguration.class, CacheAutoConfiguration.class))
                .withUserConfiguration(Caching.class)
                .withPropertyValues("spring.data.redis.cluster.nodes=" + nodes)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Cache books = context.getBean(CacheManager.class).getCache("books");
                    books.put("isbn-1", "Dune");
                    assertThat(books.get("isbn-1").get()).isEqualTo("Dune");
                    assertThat(redis.hlen("{pottery:jcache:default:books}:entries")).isEqualTo(1);
                    HealthIndicator health = context.getBean("potteryHealthIndicator", HealthIndicator.class);
                    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                    assertThat(health.health().getDetails().get("address").toString()).startsWith("cluster ");
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableCaching
    static class Caching {
    }
}
