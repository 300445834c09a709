/**
 * Entry processors: the {@code MutableEntry} a processor sees and the action it resulted in. The cache runs
 * a processor optimistically — it reads the entry, runs the processor locally, and writes the result back
 * with a script that applies it only if the entry is still as it was read, retrying otherwise — so
 * {@code invoke} is atomic per key across threads and JVMs without holding a lock in Redis.
 */
package dev.pottery.jcache.processor;
