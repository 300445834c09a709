package dev.pottery.collections.queue;

import dev.pottery.PotteryException;
import dev.pottery.internal.LuaScript;
import dev.pottery.internal.TypedKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import redis.clients.jedis.BuilderFactory;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAddParams;

/**
 * The Redis command layer of {@link RedisQueue}: every command and script it sends to its stream, on
 * encoded bytes, each through the key's {@link TypedKey} (a WRONGTYPE error names the key). Entries are
 * {@code {item: <encoded element>}}, as pottery's RedisSimpleQueue wrote them.
 */
final class QueueCommands {

    /** What {@link #take} took: entry IDs and items, in order; or nothing, because the oldest item is held. */
    record Taken(List<byte[]> ids, List<byte[]> items, boolean held) {
        static final Taken HELD = new Taken(List.of(), List.of(), true);
    }

    private static final LuaScript TAKE = LuaScript.fromResource(QueueCommands.class, "queue-take.lua");
    private static final LuaScript PUT = LuaScript.fromResource(QueueCommands.class, "queue-put.lua");
    private static final LuaScript FILTER = LuaScript.fromResource(QueueCommands.class, "queue-filter.lua");
    private static final byte[] ITEM = ascii("item");

    private final TypedKey key;

    QueueCommands(TypedKey key) {
        this.key = key;
    }

    /** XADD key * item value. */
    void add(byte[] value) {
        call(() -> redis().xadd(key(), XAddParams.xAddParams(), Map.of(ITEM, value)));
    }

    /** One XADD per value in one script; with {@code mustBeNew}, -1 without writing if the key exists. */
    long addAll(boolean mustBeNew, List<byte[]> values) {
        List<byte[]> args = new ArrayList<>(values.size() + 1);
        args.add(mustBeNew ? new byte[] {'1'} : new byte[] {'0'});
        args.addAll(values);
        return (Long) call(() -> PUT.run(redis(), List.of(key()), args));
    }

    /**
     * Up to {@code count} of the oldest entries, each read and XDELed in the same atomic script; none
     * when the oldest item is {@code held} (null: take anything).
     */
    Taken take(int count, byte[] held) {
        List<byte[]> args = held == null
                ? List.of(ascii(Integer.toString(count)), ascii("0"), new byte[0])
                : List.of(ascii(Integer.toString(count)), ascii("1"), held);
        Object reply;
        try {
            reply = call(() -> TAKE.run(redis(), List.of(key()), args));
        } catch (JedisDataException e) {
            if (String.valueOf(e.getMessage()).contains("has no item field")) {
                throw new PotteryException("RedisQueue cannot take the oldest entry: " + e.getMessage(), key.name(), e);
            }
            throw e;
        }
        if (reply instanceof Long) {
            return Taken.HELD;
        }
        List<?> flat = (List<?>) reply;
        List<byte[]> ids = new ArrayList<>(flat.size() / 2);
        List<byte[]> items = new ArrayList<>(flat.size() / 2);
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            ids.add((byte[]) flat.get(i));
            items.add((byte[]) flat.get(i + 1));
        }
        return new Taken(ids, items, false);
    }

    /**
     * {@code XREAD COUNT 1 BLOCK millis STREAMS key 0}: returns once the stream has an entry or the time
     * is up. Only a signal; what it read is ignored, and the caller takes through {@link #take}.
     */
    void awaitEntry(long millis) {
        // marked blocking, so Jedis lifts its socket timeout while Redis holds the reply back
        CommandArguments xread = new CommandArguments(Protocol.Command.XREAD).add("COUNT").add(1)
                .add("BLOCK").add(millis).add("STREAMS").key(key()).add("0").blocking();
        call(() -> redis().executeCommand(new CommandObject<>(xread, BuilderFactory.RAW_OBJECT)));
    }

    /** Raw XRANGE entries {@code [id, [field, value, ...]]} from {@code start} (inclusive, or "(id"). */
    @SuppressWarnings("unchecked")
    List<Object> range(byte[] start, int count) {
        return (List<Object>) (List<?>) call(() -> redis().xrange(key(), start, ascii("+"), count));
    }

    void delete(byte[] entryId) {
        call(() -> redis().xdel(key(), entryId));
    }

    /** The server-side scan of {@code queue-filter.lua}: mode "drop", "keep" or "hasall". */
    long filter(String mode, List<byte[]> values) {
        List<byte[]> args = new ArrayList<>(values.size() + 1);
        args.add(ascii(mode));
        args.addAll(values);
        return (Long) call(() -> FILTER.run(redis(), List.of(key()), args));
    }

    long length() {
        return call(() -> redis().xlen(key()));
    }

    /** UNLINK of the whole key, refused if it holds another Redis type (one script). */
    void clear() {
        key.clear();
    }

    private UnifiedJedis redis() {
        return key.redis();
    }

    private byte[] key() {
        return key.raw();
    }

    private <T> T call(Supplier<T> command) {
        return key.call(command);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
