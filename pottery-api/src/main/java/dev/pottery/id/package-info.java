/**
 * Distributed ID sequences: {@link dev.pottery.id.NextId} issues increasing, never repeated IDs
 * across threads, processes and machines with a quorum of independent Redis masters, sharing
 * Python pottery's {@code nextid:<key>} layout.
 *
 * <p><b>Why a proposal needs no read first.</b> A proposal of the block {@code first..last} is a
 * compare-and-set on each master: store {@code last} if the stored number is below {@code first}
 * (compared exactly, as decimal text). The block is issued when a quorum stored it. Stored numbers
 * never decrease (short of a reset or lost data). So:
 * <ul>
 *   <li>An ID issued before a request was made is stored, or exceeded, on a quorum Q1 by then. A
 *       block proposed after the request and stored by a quorum Q2 found, on a master that Q1 and
 *       Q2 share, a stored number below its first ID: every ID of the block is larger.</li>
 *   <li>Two overlapping blocks cannot both be stored by a quorum: on a master both quorums share,
 *       whichever came second found a stored number at least its own first ID and was refused.</li>
 * </ul>
 * Whatever number a proposal guesses, then, the guarantees hold; Pottery proposes just above the
 * largest number it has seen (its own blocks, and the stored numbers that refusing masters send back),
 * so proposals usually succeed in one round trip. A proposal goes to a quorum of masters, healthy ones
 * first, and to another master for each one that refuses or fails; masters left out only fall behind,
 * which no reader can mistake for the current value, since every read takes the largest answer of a
 * quorum.
 *
 * <pre>{@code
 * NextId userIds = new NextId("user-ids", masters);
 * long id = userIds.next();
 * }</pre>
 */
package dev.pottery.id;
