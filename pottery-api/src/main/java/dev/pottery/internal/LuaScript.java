package dev.pottery.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script kept as a {@code .lua} resource, read once, and run by its SHA-1 with EVALSHA; when the
 * server does not know it yet (a new or restarted server, a cluster node, after SCRIPT FLUSH) it falls
 * back to EVAL, which also caches it there. User data goes only into KEYS and ARGV.
 *
 * <pre>{@code
 * private static final LuaScript COMPARE_AND_DELETE = LuaScript.fromResource(Redlock.class, "release.lua");
 * Object reply = COMPARE_AND_DELETE.run(redis, List.of(key), List.of(token));
 * }</pre>
 */
public final class LuaScript {

    private final String name;
    private final byte[] source;
    private final byte[] sha;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source.getBytes(StandardCharsets.UTF_8);
        this.sha = sha1Hex(this.source).getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads a script from a resource next to {@code owner} (e.g. {@code "release.lua"}). */
    public static LuaScript fromResource(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Lua script " + resource + " not found next to " + owner.getName());
            }
            return new LuaScript(owner.getSimpleName() + "/" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Lua script " + resource, e);
        }
    }

    /** Runs the script with binary keys and arguments: one round trip when the server has it cached. */
    public Object run(UnifiedJedis redis, List<byte[]> keys, List<byte[]> args) {
        try {
            return redis.evalsha(sha, keys, args);
        } catch (JedisNoScriptException e) {
            return redis.eval(source, keys, args);
        }
    }

    /**
     * Runs the script as a write that waits for replicas ({@link ReplicaWait}): EVALSHA and WAIT in one
     * pipeline, then EVAL and WAIT if the server did not know the script. Without waiting, as
     * {@link #run(UnifiedJedis, List, List)}.
     */
    public Object run(UnifiedJedis redis, List<byte[]> keys, List<byte[]> args, ReplicaWait durability,
            String keyName) {
        if (!durability.enabled()) {
            return run(redis, keys, args);
        }
        byte[] key = keys.get(0);
        try {
            return durability.write(redis, key, keyName, null, pipeline -> pipeline.evalsha(sha, keys, args));
        } catch (JedisNoScriptException e) {
            return durability.write(redis, key, keyName, null, pipeline -> pipeline.eval(source, keys, args));
        }
    }

    /**
     * Appends EVALSHA to a pipeline (the reply comes with the pipeline's sync). The server must know
     * the script by then: on a connection that may not have it, append {@link #appendWithSource} for
     * its first use in the pipeline.
     */
    public Response<Object> appendTo(AbstractPipeline pipeline, List<byte[]> keys, List<byte[]> args) {
        return pipeline.evalsha(sha, keys, args);
    }

    /**
     * Appends EVAL with the script's source to a pipeline: it runs the script and leaves it in the
     * server's script cache, so that EVALSHA appended after it finds it. EVAL rather than SCRIPT LOAD,
     * which a least-privilege ACL user (granted {@code +eval +evalsha} only) may not run.
     */
    public Response<Object> appendWithSource(AbstractPipeline pipeline, List<byte[]> keys, List<byte[]> args) {
        return pipeline.eval(source, keys, args);
    }

    /** Runs the script with string keys and arguments (UTF-8). */
    public Object runStrings(UnifiedJedis redis, List<String> keys, List<String> args) {
        return run(redis, utf8(keys), utf8(args));
    }

    /** The script's SHA-1 as lower-case hex, as SCRIPT LOAD returns it. */
    public String sha() {
        return new String(sha, StandardCharsets.US_ASCII);
    }

    /** The script's source text. */
    public String source() {
        return new String(source, StandardCharsets.UTF_8);
    }

    private static List<byte[]> utf8(List<String> values) {
        return values.stream().map(v -> v.getBytes(StandardCharsets.UTF_8)).toList();
    }

    private static String sha1Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "LuaScript[" + name + ", sha " + sha() + "]";
    }
}
