/**
 * Shared machinery of the library (Lua scripts, key helpers, and what every collection shares: the
 * encoding rule {@link dev.pottery.internal.ElementCodec}, the type guard {@link dev.pottery.internal.TypedKey},
 * the scan walker {@link dev.pottery.internal.ScanIterator}; and {@code Masters}: the per-master lanes and
 * quorum calls under Redlock and NextId). Not part of the public API: users must not depend on it, and it
 * may change in any release.
 */
package dev.pottery.internal;
