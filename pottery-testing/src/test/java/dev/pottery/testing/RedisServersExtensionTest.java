package dev.pottery.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import redis.clients.jedis.UnifiedJedis;

@RedisServers(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisServersExtensionTest {

    @Test
    @Order(1)
    void injectsTheGroupTheFirstServerAndAClient(RedisServerGroup group, RedisServer first, UnifiedJedis redis) {
        assertThat(group.size()).isEqualTo(3);
        assertThat(first).isSameAs(group.get(0));
        redis.set("left-behind", "1");
        assertThat(group.clients().get(0).get("left-behind")).isEqualTo("1");
        group.get(1).pause();
        group.get(2).kill();
    }

    @Test
    @Order(2)
    void eachTestStartsOnEmptyRunningServers(RedisServerGroup group, UnifiedJedis redis) {
        assertThat(redis.exists("left-behind")).isFalse();
        assertThat(group.servers()).allMatch(RedisServer::answersPing);
    }
}
