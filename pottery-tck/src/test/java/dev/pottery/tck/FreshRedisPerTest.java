package dev.pottery.tck;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Empties the TCK's Redis after every test. The TCK assumes what an in-memory provider gives: a cache's
 * contents vanish when its manager or provider is closed (several TCK classes close the provider without
 * destroying their caches). Pottery's caches deliberately outlive their managers — that is how a second JVM
 * sees them — so the harness gives each test a fresh server instead, as a fresh JVM would see it.
 *
 * <pre>{@code
 * // src/test/resources/META-INF/services/org.junit.platform.launcher.TestExecutionListener
 * dev.pottery.tck.FreshRedisPerTest
 * }</pre>
 */
public final class FreshRedisPerTest implements TestExecutionListener {

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (identifier.isTest()) {
            TckRedis.flushAll();
        }
    }
}
