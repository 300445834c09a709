package dev.pottery.tck;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts redis-server for the whole TCK session, before JUnit discovers or runs any TCK class (the TCK
 * itself knows nothing of Redis). Registered in {@code META-INF/services}.
 *
 * <pre>{@code
 * // src/test/resources/META-INF/services/org.junit.platform.launcher.LauncherSessionListener
 * dev.pottery.tck.RedisForTck
 * }</pre>
 */
public final class RedisForTck implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        TckRedis.start();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TckRedis.stop();
    }
}
