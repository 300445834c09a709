package dev.pottery.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * One command for one master, in the two forms a master's lane may send it: appended to a pipeline
 * (batched with other callers' commands for the same master, one round trip for all) or run on its
 * own through the client (cluster clients, and clients that cannot pipeline).
 *
 * <p>A command is <em>droppable</em> by default: if its caller stopped waiting for it (the master
 * is stalled, or the caller's time ran out) before it was sent, it is not sent at all. Commands that
 * must reach the master even late, such as releasing a lock that may have been taken there, are made
 * with {@link #mustRun()}.
 *
 * <p>A pipelined command must be safe to run twice: a lane resends a pipeline once, on a fresh
 * connection, when its connection turned out to be broken (see {@code MasterLane}), and a command
 * whose first send did reach the server before the connection broke then runs again. SET NX, the
 * compare-and-set scripts and plain SET/DEL are: the second run is at worst a refusal.
 *
 * <pre>{@code
 * MasterCommand<String> acquire = MasterCommand.set(key, token, SetParams.setParams().nx().px(10_000));
 * MasterCommand<Object> release = MasterCommand.script(RELEASE, key, List.of(token)).mustRun();
 * }</pre>
 *
 * @param <T> the type of the reply
 */
public final class MasterCommand<T> {

    private final String name;
    private final Function<AbstractPipeline, Response<T>> pipelined;
    private final Function<AbstractPipeline, Response<T>> pipelinedWithSource;
    private final Function<UnifiedJedis, T> direct;
    private final LuaScript script;
    private final boolean droppable;

    private MasterCommand(String name, Function<AbstractPipeline, Response<T>> pipelined,
            Function<UnifiedJedis, T> direct, LuaScript script, boolean droppable) {
        this(name, pipelined, pipelined, direct, script, droppable);
    }

    private MasterCommand(String name, Function<AbstractPipeline, Response<T>> pipelined,
            Function<AbstractPipeline, Response<T>> pipelinedWithSource, Function<UnifiedJedis, T> direct,
            LuaScript script, boolean droppable) {
        this.name = name;
        this.pipelined = pipelined;
        this.pipelinedWithSource = pipelinedWithSource;
        this.direct = direct;
        this.script = script;
        this.droppable = droppable;
    }

    /** {@code SET key value [params]}: the reply is {@code "OK"}, or null when NX/XX refused. */
    public static MasterCommand<String> set(String key, String value, SetParams params) {
        return new MasterCommand<>("SET", p -> p.set(key, value, params), r -> r.set(key, value, params), null, true);
    }

    /** {@code GET key}: the value, or null when absent. */
    public static MasterCommand<String> get(String key) {
        return new MasterCommand<>("GET", p -> p.get(key), r -> r.get(key), null, true);
    }

    /** {@code DEL key}: how many keys were deleted. */
    public static MasterCommand<Long> del(String key) {
        return new MasterCommand<>("DEL", p -> p.del(key), r -> r.del(key), null, true);
    }

    /**
     * A Lua script on one key with string arguments (UTF-8), by EVALSHA; where the lane does not know
     * the server to have the script, its first use in a pipeline is sent by EVAL with the source
     * (which caches it). Replies are as Redis gives them: a
     * {@code Long} for integers, {@code byte[]} for bulk strings, null for nil.
     */
    public static MasterCommand<Object> script(LuaScript script, String key, List<String> args) {
        List<byte[]> keys = List.of(utf8(key));
        List<byte[]> arguments = args.stream().map(MasterCommand::utf8).toList();
        return new MasterCommand<>("EVALSHA", p -> script.appendTo(p, keys, arguments),
                p -> script.appendWithSource(p, keys, arguments), r -> script.run(r, keys, arguments), script, true);
    }

    /**
     * Any work on the client, run on its own (never pipelined), after the commands queued before it
     * for the same master and before those queued after it.
     */
    public static <T> MasterCommand<T> direct(Function<UnifiedJedis, T> work) {
        Objects.requireNonNull(work, "work");
        return new MasterCommand<>("direct", null, work, null, true);
    }

    /** The same command, sent even when its caller no longer waits for it (never dropped). */
    public MasterCommand<T> mustRun() {
        return new MasterCommand<>(name, pipelined, pipelinedWithSource, direct, script, false);
    }

    boolean droppable() {
        return droppable;
    }

    boolean pipelinable() {
        return pipelined != null;
    }

    LuaScript script() {
        return script;
    }

    Response<T> appendTo(AbstractPipeline pipeline) {
        return pipelined.apply(pipeline);
    }

    /** Appends the command so that the server need not know its script yet (EVAL with the source). */
    Response<T> appendWithSourceTo(AbstractPipeline pipeline) {
        return pipelinedWithSource.apply(pipeline);
    }

    T run(UnifiedJedis redis) {
        return direct.apply(redis);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return name + (script == null ? "" : " " + script) + (droppable ? "" : " (must run)");
    }
}
