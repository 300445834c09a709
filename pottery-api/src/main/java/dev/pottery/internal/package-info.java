/**
 * Shared machinery of the library (Lua scripts, key helpers). Not part of the public API: users must
 * not depend on it, and it may change in any release.
 */
package dev.pottery.internal;
