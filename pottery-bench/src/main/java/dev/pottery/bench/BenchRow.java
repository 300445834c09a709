package dev.pottery.bench;

/**
 * One measured operation at one thread count.
 *
 * @param spec       the operation
 * @param threads    benchmark threads
 * @param opsPerSec  throughput
 * @param p50Micros  median latency, microseconds (NaN when not measured)
 * @param p99Micros  99th percentile latency, microseconds (NaN when not measured)
 * @param commands   Redis commands per operation, with the breakdown
 * @param ratio      throughput over the floor's, measured alternately with it (NaN for a floor)
 */
record BenchRow(OperationSpec spec, int threads, double opsPerSec, double p50Micros, double p99Micros, String commands,
                double ratio) {
}
