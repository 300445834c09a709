package dev.pottery.collections.set;

import dev.pottery.codec.Codec;
import dev.pottery.codec.JsonCodec;
import dev.pottery.internal.ClusterSlots;
import dev.pottery.internal.TypedKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import redis.clients.jedis.UnifiedJedis;

/**
 * Pottery's set algebra for {@link RedisSet}: in Redis (SUNION, SINTER, SDIFF and their STORE forms)
 * when every operand is a Redis set on the same client, with a wire-compatible codec and, on a cluster
 * client, every key in one hash slot; otherwise by reading each operand once and combining locally.
 * Choosing the local path on a cluster is what keeps a cross-slot error from ever reaching the user.
 */
final class SetAlgebra {

    /** The three operations pottery supports (it has no symmetric difference). */
    enum Operation {
        UNION, INTERSECTION, DIFFERENCE;

        Set<byte[]> inRedis(UnifiedJedis redis, byte[][] keys) {
            return switch (this) {
                case UNION -> redis.sunion(keys);
                case INTERSECTION -> redis.sinter(keys);
                case DIFFERENCE -> redis.sdiff(keys);
            };
        }

        long storeInRedis(UnifiedJedis redis, byte[] destination, byte[][] keys) {
            return switch (this) {
                case UNION -> redis.sunionstore(destination, keys);
                case INTERSECTION -> redis.sinterstore(destination, keys);
                case DIFFERENCE -> redis.sdiffstore(destination, keys);
            };
        }

        <E> void applyLocally(Set<E> result, Set<?> other) {
            switch (this) {
                case UNION -> {
                    @SuppressWarnings("unchecked")
                    Set<E> same = (Set<E>) other;
                    result.addAll(same);
                }
                case INTERSECTION -> result.retainAll(other);
                case DIFFERENCE -> result.removeAll(other);
            }
        }
    }

    private SetAlgebra() {
    }

    static <E> Set<E> compute(Operation operation, RedisSet<E> self, Collection<?>[] others) {
        Objects.requireNonNull(others, "others");
        if (inRedis(self, null, others)) {
            Set<byte[]> members = TypedKey.callAll(typedKeys(self, others),
                    () -> operation.inRedis(self.redis(), keys(self, others)));
            Set<E> result = new HashSet<>(members.size() * 2);
            for (byte[] member : members) {
                result.add(self.decode(member));
            }
            return result;
        }
        return locally(operation, self, others);
    }

    static <E> RedisSet<E> store(Operation operation, RedisSet<E> self, String destination,
            Collection<?>[] others) {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(others, "others");
        byte[] rawDestination = destination.getBytes(StandardCharsets.UTF_8);
        if (inRedis(self, rawDestination, others)) {
            TypedKey.callAll(typedKeys(self, others),
                    () -> operation.storeInRedis(self.redis(), rawDestination, keys(self, others)));
        } else {
            List<byte[]> members = self.encodeAll(locally(operation, self, others));
            SetCommands.replace(self.redis(), rawDestination, members);
        }
        return RedisSet.builder(self.redis()).key(destination).codec(self.codec()).build();
    }

    private static <E> Set<E> locally(Operation operation, RedisSet<E> self, Collection<?>[] others) {
        Set<E> result = self.toSet();
        for (Collection<?> other : others) {
            // Read a Redis-backed operand once (SMEMBERS) rather than asking it element by element.
            Set<?> local = other instanceof RedisSet<?> redisSet ? redisSet.toSet() : new HashSet<>(other);
            operation.applyLocally(result, local);
        }
        return result;
    }

    /** Whether one Redis command can do the work (see the class comment). */
    private static boolean inRedis(RedisSet<?> self, byte[] destination, Collection<?>[] others) {
        List<byte[]> keys = new ArrayList<>();
        keys.add(raw(self));
        for (Collection<?> other : others) {
            if (!(other instanceof RedisSet<?> set) || set.redis() != self.redis()
                    || !wireCompatible(set.codec(), self.codec())) {
                return false;
            }
            keys.add(raw(set));
        }
        if (destination != null) {
            keys.add(destination);
        }
        return ClusterSlots.oneCommandMayTouch(self.redis(), keys);
    }

    /** Same codec, or two JSON codecs: both write Python pottery's bytes, so members compare equal. */
    private static boolean wireCompatible(Codec<?> a, Codec<?> b) {
        return a.equals(b) || (a instanceof JsonCodec<?> && b instanceof JsonCodec<?>);
    }

    private static byte[][] keys(RedisSet<?> self, Collection<?>[] others) {
        byte[][] keys = new byte[others.length + 1][];
        keys[0] = raw(self);
        for (int i = 0; i < others.length; i++) {
            keys[i + 1] = raw((RedisSet<?>) others[i]);
        }
        return keys;
    }

    /** Every operand's key, so that a WRONGTYPE error names each and what it holds. */
    private static List<TypedKey> typedKeys(RedisSet<?> self, Collection<?>[] others) {
        List<TypedKey> keys = new ArrayList<>(others.length + 1);
        keys.add(self.commands().key());
        for (Collection<?> other : others) {
            keys.add(((RedisSet<?>) other).commands().key());
        }
        return keys;
    }

    private static byte[] raw(RedisSet<?> set) {
        return set.commands().key().raw();
    }
}
