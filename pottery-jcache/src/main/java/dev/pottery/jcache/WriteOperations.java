package dev.pottery.jcache;

import dev.pottery.jcache.OperationStatistics.Kind;
import dev.pottery.jcache.expiry.ExpiryDurations;
import dev.pottery.jcache.integration.WriteThrough;
import java.util.List;
import java.util.function.Function;

/**
 * The single-entry writes of a cache: put, putIfAbsent, replace, remove and their get-and- variants. Each
 * computes what happened as an {@link EntryReply}; statistics and events act on that once
 * ({@link Operation}).
 *
 * <p>Two ways to Redis, chosen once per cache:
 * <ul>
 *   <li><b>Without a CacheWriter</b>, each write is one script call, atomic on the server. The conditional
 *       ones compare bytes there; when the bytes differ but the stored value {@code equals} the expected
 *       one (a codec whose bytes are not canonical, such as Java serialization of a HashSet), the write is
 *       sent again as a compare-and-set on the exact bytes read: a second round trip only in that case.</li>
 *   <li><b>With a CacheWriter</b> (write-through), the entry is locked in this JVM and leased in Redis by
 *       the read, the writer is called only if the write takes effect, and the write-back under the lease
 *       releases it: two round trips, and the writer sees each change once, in the cache's order.</li>
 * </ul>
 *
 * <pre>{@code
 * writes.putIfAbsent("k", "v");        // no writer: entry.lua 'putIfAbsent'; writer: lease+peek, write, put
 * writes.replace("k", "v", "w");       // no writer: 'replaceIf' (access expiry on a mismatch)
 * }</pre>
 *
 * @param <K> key type
 * @param <V> value type
 */
final class WriteOperations<K, V> {

    private final CacheStore store;
    private final EntryCodec<K, V> codec;
    private final TypeChecks<K, V> checks;
    private final ExpiryDurations expiry;
    private final WriteThrough<K, V> writer;
    private final EntryGuard guard;
    private final Reporter<K, V> reporter;
    private final boolean plain;

    WriteOperations(CacheContext<K, V> context) {
        this.store = context.store();
        this.codec = context.codec();
        this.checks = context.checks();
        this.expiry = context.expiry();
        this.writer = context.writer();
        this.guard = context.guard();
        this.reporter = context.reporter();
        this.plain = expiry.isEternal() && !writer.isPresent();
    }

    void put(K key, V value) {
        write(Kind.PUT, key, value, putRequest(key, value));
    }

    V getAndPut(K key, V value) {
        EntryReply r = write(Kind.GET_AND_PUT, key, value, putRequest(key, value));
        return r.outcome() == Outcome.UPDATED ? codec.decodeValue(key, r.value()) : null;
    }

    private Request<V> putRequest(K key, V value) {
        byte[] v = codec.encodeValue(key, checks.value(value));
        return new Request<>(EntryAction.PUT, v, null, null, current -> WritePlan.set(v, () -> writer.write(key, value)));
    }

    boolean putIfAbsent(K key, V value) {
        byte[] v = codec.encodeValue(key, checks.value(value));
        Outcome outcome = write(Kind.PUT_IF_ABSENT, key, value, new Request<>(EntryAction.PUT_IF_ABSENT, v, null, null,
                current -> current != null ? WritePlan.quiet(Outcome.PRESENT)
                        : WritePlan.set(v, () -> writer.write(key, value)))).outcome();
        return outcome == Outcome.CREATED || outcome == Outcome.NONE;
    }

    boolean replace(K key, V value) {
        return write(Kind.REPLACE, key, value, replaceRequest(key, value)).outcome() == Outcome.UPDATED;
    }

    V getAndReplace(K key, V value) {
        EntryReply r = write(Kind.REPLACE, key, value, replaceRequest(key, value));
        return r.outcome() == Outcome.UPDATED ? codec.decodeValue(key, r.value()) : null;
    }

    private Request<V> replaceRequest(K key, V value) {
        byte[] v = codec.encodeValue(key, checks.value(value));
        return new Request<>(EntryAction.REPLACE, v, null, null, current -> current == null
                ? WritePlan.quiet(Outcome.MISS) : WritePlan.set(v, () -> writer.write(key, value)));
    }

    boolean replace(K key, V oldValue, V newValue) {
        checks.value(oldValue);
        byte[] expected = codec.encodeValue(key, oldValue);
        byte[] v = codec.encodeValue(key, checks.value(newValue));
        return write(Kind.REPLACE, key, newValue, new Request<>(EntryAction.REPLACE_IF, v, expected, oldValue,
                current -> current == null ? WritePlan.quiet(Outcome.MISS)
                        : !codec.holds(key, current, expected, oldValue) ? WritePlan.access(Outcome.MISMATCH)
                        : WritePlan.set(v, () -> writer.write(key, newValue)))).outcome() == Outcome.UPDATED;
    }

    boolean remove(K key) {
        return write(Kind.REMOVE, key, null, removeRequest(key)).outcome() == Outcome.REMOVED;
    }

    V getAndRemove(K key) {
        EntryReply r = write(Kind.GET_AND_REMOVE, key, null, removeRequest(key));
        return r.outcome() == Outcome.REMOVED ? codec.decodeValue(key, r.value()) : null;
    }

    /** A removal deletes the key from the writer whether or not the cache holds it (as the spec's remove). */
    private Request<V> removeRequest(K key) {
        return new Request<>(EntryAction.REMOVE, null, null, null, current -> current == null
                ? WritePlan.quiet(Outcome.MISS, () -> writer.delete(key))
                : WritePlan.remove(() -> writer.delete(key)));
    }

    boolean remove(K key, V oldValue) {
        checks.value(oldValue);
        byte[] expected = codec.encodeValue(key, oldValue);
        return write(Kind.REMOVE_IF, key, null, new Request<>(EntryAction.REMOVE_IF, null, expected, oldValue,
                current -> current == null ? WritePlan.quiet(Outcome.MISS)
                        : !codec.holds(key, current, expected, oldValue) ? WritePlan.access(Outcome.MISMATCH)
                        : WritePlan.remove(() -> writer.delete(key)))).outcome() == Outcome.REMOVED;
    }

    /**
     * One write: the one-script call without a writer, the leased plan with one; then its events and
     * statistics. {@code value} is the new value (for events), or null.
     */
    private EntryReply write(Kind kind, K key, V value, Request<V> request) {
        byte[] k = codec.encodeKey(checks.key(key));
        return reporter.run(op -> {
            EntryReply r = writer.isPresent() ? leased(op, key, k, request.plan())
                    : plain && (request.action() == EntryAction.PUT || request.action() == EntryAction.REMOVE)
                    ? plain(k, request, kind == Kind.GET_AND_PUT || kind == Kind.GET_AND_REMOVE)
                    : direct(key, k, request);
            op.reported(key, value, r);
            op.count(kind, r.outcome());
            return r;
        });
    }

    /** A put or remove of an eternal cache without writer: {@code plain.lua}, a single HSET or HDEL while nobody listens. */
    private EntryReply plain(byte[] k, Request<V> request, boolean wantOld) {
        boolean put = request.action() == EntryAction.PUT;
        CacheStore.PlainWrites writes = store.plainWrites(put, List.of(k),
                put ? List.of(request.value()) : null, wantOld || reporter.events().hasListeners());
        if (writes.each() != null) {
            return writes.each().get(0);
        }
        Outcome outcome = put ? (writes.count() == 1 ? Outcome.CREATED : Outcome.UPDATED)
                : (writes.count() == 1 ? Outcome.REMOVED : Outcome.MISS);
        return new EntryReply(outcome, null, null, 0);
    }

    private EntryReply direct(K key, byte[] k, Request<V> request) {
        // No writer: the write ends any lease on the entry, so a load in flight cannot store over it.
        EntryCall call = EntryCall.of(request.action(), k, request.value()).under(LeaseUse.BREAK);
        if (request.expected() == null) {
            return store.entry(call, expiry);
        }
        EntryReply r = store.entry(call.expecting(request.expected()), expiry);
        // Equal values whose bytes differ: compare-and-set on the exact bytes read, until it holds or differs.
        while (r.outcome() == Outcome.MISMATCH
                && codec.holds(key, r.value(), request.expected(), request.expectedValue())) {
            byte[] expired = r.expired();
            r = store.entry(call.expecting(r.value()), expiry);
            if (expired != null && r.expired() == null) {
                r = new EntryReply(r.outcome(), r.value(), expired, r.token());
            }
        }
        return r;
    }

    private EntryReply leased(Operation<K, V> op, K key, byte[] k, Function<byte[], WritePlan> planner) {
        String what = FailureText.key(key);
        return guard.run(EntryCall.of(EntryAction.PEEK, k).under(LeaseUse.ACQUIRE), what, read -> {
            op.expired(key, read.expired());
            byte[] current = read.outcome() == Outcome.HIT ? read.value() : null;
            WritePlan plan = planner.apply(current);
            if (plan.writerCall() != null) {
                plan.writerCall().run();
            }
            EntryCall call = EntryCall.of(plan.action(), k, plan.value()).expectingState(current)
                    .under(LeaseUse.held(read.token()));
            EntryReply r = guard.writeBack(call, what, plan.writerCall() != null);
            return plan.changes() ? r : new EntryReply(plan.quietOutcome(), current, r.expired(), 0);
        });
    }

    /**
     * A write as both paths need it: the direct script action with its value and expected bytes, and the plan
     * a write-through cache makes after reading the entry under its lease.
     */
    private record Request<T>(EntryAction action, byte[] value, byte[] expected, T expectedValue,
                              Function<byte[], WritePlan> plan) {
    }
}
