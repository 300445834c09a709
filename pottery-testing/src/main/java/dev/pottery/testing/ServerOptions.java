package dev.pottery.testing;

import java.util.List;
import java.util.Objects;

/**
 * How to start a server.
 *
 * @param persistent whether data survives a stop, kill or restart (append-only file, fsync always);
 *                   off by default, so that a restarted server comes back empty
 * @param extraArgs  further {@code redis-server} arguments, e.g. {@code List.of("--maxmemory", "10mb")}
 */
public record ServerOptions(boolean persistent, List<String> extraArgs) {

    /** Non-persistent servers with no extra arguments. */
    public static final ServerOptions DEFAULT = new ServerOptions(false, List.of());

    /** Validates and copies the arguments. */
    public ServerOptions {
        extraArgs = List.copyOf(Objects.requireNonNull(extraArgs, "extraArgs"));
    }

    /** Options for servers whose data survives a restart. */
    public static ServerOptions persistentServers() {
        return new ServerOptions(true, List.of());
    }

    /** The same options plus the given {@code redis-server} arguments. */
    public ServerOptions withArgs(String... args) {
        var all = new java.util.ArrayList<>(extraArgs);
        all.addAll(List.of(args));
        return new ServerOptions(persistent, all);
    }

    /** The configuration arguments for {@code redis-server}, without the port or directory. */
    List<String> serverArgs() {
        var args = new java.util.ArrayList<String>();
        args.addAll(List.of("--bind", "127.0.0.1", "--protected-mode", "no", "--save", ""));
        if (persistent) {
            args.addAll(List.of("--appendonly", "yes", "--appendfsync", "always"));
        } else {
            args.addAll(List.of("--appendonly", "no"));
        }
        args.addAll(extraArgs);
        return args;
    }
}
