package dev.pottery.jcache.expiry;

import java.util.concurrent.TimeUnit;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.expiry.TouchedExpiryPolicy;

/**
 * The expiry durations a cache sends to its Redis scripts, in milliseconds, with three markers:
 * {@link #ETERNAL}, {@link #UNCHANGED} (the policy returned null) and {@link #ASK} (not known until the
 * script says which case it is).
 *
 * <pre>{@code
 * ExpiryDurations durations = ExpiryDurations.of(new CreatedExpiryPolicy(Duration.ONE_MINUTE));
 * durations.creation();   // 60000: known up front, so a put is one round trip
 * durations.access();     // UNCHANGED
 * }</pre>
 *
 * <p>Following the spec: a null creation duration counts as ETERNAL, a null access or update duration
 * leaves the entry's expiry as it is, and ZERO expires the entry at once. A policy that throws is treated
 * as if it had returned null (and ETERNAL on creation), so a broken policy never loses an update.
 */
public final class ExpiryDurations {

    /** The entry never expires. */
    public static final long ETERNAL = -1;
    /** Leave the entry's expiry as it is. */
    public static final long UNCHANGED = -2;
    /** Not known yet: the script asks the client. */
    public static final long ASK = -3;

    private final ExpiryPolicy policy;
    private final boolean constant;
    private final long creation;
    private final long access;
    private final long update;

    private ExpiryDurations(ExpiryPolicy policy, boolean constant) {
        this.policy = policy;
        this.constant = constant;
        this.creation = constant ? askCreation() : ASK;
        this.access = constant ? askAccess() : ASK;
        this.update = constant ? askUpdate() : ASK;
    }

    private ExpiryDurations(long creation, long access, long update) {
        this.policy = null;
        this.constant = true;
        this.creation = creation;
        this.access = access;
        this.update = update;
    }

    /** Durations that only set the access time (creation and update left unchanged). */
    public static ExpiryDurations accessOnly(long accessMs) {
        return new ExpiryDurations(UNCHANGED, accessMs, UNCHANGED);
    }

    /** Durations for a policy; the standard policies are read once, others on demand. */
    public static ExpiryDurations of(ExpiryPolicy policy) {
        Class<?> type = policy.getClass();
        boolean standard = type == CreatedExpiryPolicy.class || type == AccessedExpiryPolicy.class
                || type == ModifiedExpiryPolicy.class || type == TouchedExpiryPolicy.class
                || type == EternalExpiryPolicy.class;
        return new ExpiryDurations(policy, standard);
    }

    /** The policy these durations come from. */
    public ExpiryPolicy policy() {
        return policy;
    }

    /** Whether every duration is known without asking the policy again. */
    public boolean isConstant() {
        return constant;
    }

    /**
     * Whether entries never get an expiry time from this policy (the standard eternal policy, or a standard
     * policy of ETERNAL durations), so there is nothing to sweep.
     */
    public boolean isEternal() {
        return constant && creation == ETERNAL && (access == UNCHANGED || access == ETERNAL)
                && (update == UNCHANGED || update == ETERNAL);
    }

    /** The creation duration to send first (may be {@link #ASK}). */
    public long creation() {
        return creation;
    }

    /** The access duration to send first (may be {@link #ASK}). */
    public long access() {
        return access;
    }

    /** The update duration to send first (may be {@link #ASK}). */
    public long update() {
        return update;
    }

    /** Asks the policy for the duration a script named: "create", "update" or "access". */
    public long ask(String kind) {
        return switch (kind) {
            case "create" -> askCreation();
            case "update" -> askUpdate();
            case "access" -> askAccess();
            default -> throw new IllegalArgumentException("unknown expiry kind " + kind);
        };
    }

    /** Calls {@link ExpiryPolicy#getExpiryForCreation()}; null means eternal. */
    public long askCreation() {
        try {
            long ms = millis(policy.getExpiryForCreation());
            return ms == UNCHANGED ? ETERNAL : ms;
        } catch (RuntimeException e) {
            return ETERNAL;
        }
    }

    /** Calls {@link ExpiryPolicy#getExpiryForAccess()}; null means unchanged. */
    public long askAccess() {
        try {
            return millis(policy.getExpiryForAccess());
        } catch (RuntimeException e) {
            return UNCHANGED;
        }
    }

    /** Calls {@link ExpiryPolicy#getExpiryForUpdate()}; null means unchanged. */
    public long askUpdate() {
        try {
            return millis(policy.getExpiryForUpdate());
        } catch (RuntimeException e) {
            return UNCHANGED;
        }
    }

    /** A Duration as script milliseconds: null = UNCHANGED, eternal = ETERNAL, a positive one at least 1. */
    public static long millis(Duration duration) {
        if (duration == null) {
            return UNCHANGED;
        }
        if (duration.isEternal()) {
            return ETERNAL;
        }
        if (duration.isZero()) {
            return 0;
        }
        TimeUnit unit = duration.getTimeUnit();
        return Math.max(1, unit.toMillis(duration.getDurationAmount()));
    }
}
