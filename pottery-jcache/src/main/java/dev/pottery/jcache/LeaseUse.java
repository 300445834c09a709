package dev.pottery.jcache;

/**
 * What a script call does with the lease of the entries it touches (see {@code entry.lua}): nothing, take it,
 * take it only for an absent entry, end it, or act under a lease the caller holds (and release it).
 *
 * <pre>{@code
 * LeaseUse.ACQUIRE.wire();          // "acquire"
 * LeaseUse.held(42).wire();         // "42": act only if the lease still holds token 42, then release it
 * }</pre>
 *
 * @param wire the script argument
 * @param token the fencing token of a held lease, or 0
 */
record LeaseUse(String wire, long token) {

    /** No lease. */
    static final LeaseUse NONE = new LeaseUse("", 0);
    /** Take the lease before acting; if another process holds it, the reply is {@link Outcome#LEASED}. */
    static final LeaseUse ACQUIRE = new LeaseUse("acquire", 0);
    /** Take the lease only if the entry is absent (a read that may go on to load it). */
    static final LeaseUse ACQUIRE_IF_ABSENT = new LeaseUse("acquire-if-absent", 0);
    /** Act only if nobody holds the lease (else {@link Outcome#LEASED}), without keeping it. */
    static final LeaseUse ONCE = new LeaseUse("once", 0);
    /**
     * Act without a lease, and end any lease on the entry (the write of a cache without CacheWriter): a load
     * or entry processor working on the entry under that lease then has its write-back refused
     * ({@link Outcome#LOST}), so a value read before this write can never be stored over it.
     */
    static final LeaseUse BREAK = new LeaseUse("break", 0);

    /** Act under the lease held with {@code token}, then release it; {@link Outcome#LOST} if it ended. */
    static LeaseUse held(long token) {
        return new LeaseUse(Long.toString(token), token);
    }

    /** Whether the call acts under a held lease. */
    boolean isHeld() {
        return token != 0;
    }

}
