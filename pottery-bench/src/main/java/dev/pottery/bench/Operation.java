package dev.pottery.bench;

/** One benchmarked operation, ready to run: each call is one operation on a random key of the working set. */
@FunctionalInterface
public interface Operation {

    /** Performs the operation once; returns its result so that JMH cannot optimise it away. */
    Object invoke();
}
