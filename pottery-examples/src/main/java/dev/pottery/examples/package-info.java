/**
 * Runnable examples: {@link dev.pottery.examples.Quickstart} walks through Pottery against a real Redis.
 */
package dev.pottery.examples;
