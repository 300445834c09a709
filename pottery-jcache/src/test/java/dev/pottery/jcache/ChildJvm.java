package dev.pottery.jcache;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Starts a second JVM with this test's class path, running {@code main} of a test class. */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * Starts {@code mainClass} with {@code arguments}. The RI is on the test class path as a second JCache
     * provider, so the child is told, as surefire tells this JVM, which one {@code Caching.getCachingProvider()}
     * means.
     */
    static Process start(Class<?> mainClass, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp", System.getProperty("java.class.path"),
                "-Djavax.cache.spi.CachingProvider=" + System.getProperty("javax.cache.spi.CachingProvider",
                        "dev.pottery.jcache.spi.PotteryCachingProvider"),
                mainClass.getName()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
