package dev.pottery.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How to start a server.
 *
 * <pre>{@code
 * ServerOptions secured = ServerOptions.DEFAULT
 *         .withPassword("s3cret")                                    // requirepass: the default user's password
 *         .withAclUser("app on >app-pass ~app:* &* -@all +@read")    // an ACL user, as in an ACL file
 *         .withTls();                                                // TLS only, with a certificate made now
 * }</pre>
 *
 * @param persistent whether data survives a stop, kill or restart (append-only file, fsync always);
 *                   off by default, so that a restarted server comes back empty
 * @param extraArgs  further {@code redis-server} arguments, e.g. {@code List.of("--maxmemory", "10mb")}
 * @param password   the default user's password ({@code requirepass}), or null for none
 * @param aclUsers   ACL user rules, one per user, in ACL file syntax without the word {@code user}
 * @param tls        whether the server speaks only TLS, with {@link TlsMaterial#get()}'s certificate
 */
public record ServerOptions(boolean persistent, List<String> extraArgs, String password, List<String> aclUsers,
                            boolean tls) {

    /** Non-persistent servers with no extra arguments. */
    public static final ServerOptions DEFAULT = new ServerOptions(false, List.of());

    /** Validates and copies the arguments. */
    public ServerOptions {
        extraArgs = List.copyOf(Objects.requireNonNull(extraArgs, "extraArgs"));
        aclUsers = List.copyOf(Objects.requireNonNull(aclUsers, "aclUsers"));
    }

    /** Options without password, ACL users or TLS. */
    public ServerOptions(boolean persistent, List<String> extraArgs) {
        this(persistent, extraArgs, null, List.of(), false);
    }

    /** Options for servers whose data survives a restart. */
    public static ServerOptions persistentServers() {
        return new ServerOptions(true, List.of());
    }

    /** The same options plus the given {@code redis-server} arguments. */
    public ServerOptions withArgs(String... args) {
        var all = new ArrayList<>(extraArgs);
        all.addAll(List.of(args));
        return new ServerOptions(persistent, all, password, aclUsers, tls);
    }

    /** The same options with a password for the default user ({@code requirepass}). */
    public ServerOptions withPassword(String defaultUserPassword) {
        return new ServerOptions(persistent, extraArgs, defaultUserPassword, aclUsers, tls);
    }

    /**
     * The same options plus an ACL user, e.g. {@code "app on >pass ~app:* &* -@all +@read"} (the rule of an
     * ACL file's {@code user} line).
     */
    public ServerOptions withAclUser(String rule) {
        var all = new ArrayList<>(aclUsers);
        all.add(rule);
        return new ServerOptions(persistent, extraArgs, password, all, tls);
    }

    /** The same options, speaking only TLS on the server's port. */
    public ServerOptions withTls() {
        return new ServerOptions(persistent, extraArgs, password, aclUsers, true);
    }

    /** The configuration arguments for {@code redis-server}, without the port or directory. */
    List<String> serverArgs() {
        var args = new ArrayList<String>();
        args.addAll(List.of("--bind", "127.0.0.1", "--protected-mode", "no", "--save", ""));
        if (persistent) {
            args.addAll(List.of("--appendonly", "yes", "--appendfsync", "always"));
        } else {
            args.addAll(List.of("--appendonly", "no"));
        }
        if (password != null) {
            args.addAll(List.of("--requirepass", password));
        }
        for (String rule : aclUsers) {
            args.add("--user");
            args.addAll(Arrays.asList(rule.trim().split("\\s+")));
        }
        args.addAll(extraArgs);
        return args;
    }

    /** The arguments that make {@code port} a TLS-only port, with the test certificate. */
    static List<String> tlsArgs(int port) {
        TlsMaterial material = TlsMaterial.get();
        return List.of("--port", "0", "--tls-port", Integer.toString(port),
                "--tls-cert-file", material.certificate().toString(),
                "--tls-key-file", material.privateKey().toString(),
                "--tls-ca-cert-file", material.certificate().toString(),
                "--tls-auth-clients", "no");
    }
}
