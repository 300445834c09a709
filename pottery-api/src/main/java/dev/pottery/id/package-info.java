/**
 * Distributed ID sequences: {@link dev.pottery.id.NextId} issues increasing, never repeated IDs
 * across threads, processes and machines with a quorum of independent Redis masters, sharing
 * Python pottery's {@code nextid:<key>} layout.
 *
 * <pre>{@code
 * NextId userIds = new NextId("user-ids", masters);
 * long id = userIds.next();
 * }</pre>
 */
package dev.pottery.id;
