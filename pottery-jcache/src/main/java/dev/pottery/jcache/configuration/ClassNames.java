package dev.pottery.jcache.configuration;

import java.util.Map;

/**
 * Class names as a configuration file may write them: fully qualified, {@code java.lang} types by their
 * simple name ({@code String}, {@code Long}), and {@code byte[]}.
 *
 * <pre>{@code
 * Class<?> type = ClassNames.load("String", loader);    // java.lang.String
 * }</pre>
 */
public final class ClassNames {

    private static final Map<String, Class<?>> SHORT = Map.of("byte[]", byte[].class, "Object", Object.class);

    private ClassNames() {
    }

    /** The class of that name, or null if the loader cannot find it. */
    public static Class<?> load(String name, ClassLoader loader) {
        Class<?> known = SHORT.get(name);
        if (known != null) {
            return known;
        }
        ClassLoader effective = loader != null ? loader : ClassNames.class.getClassLoader();
        try {
            return Class.forName(name, false, effective);
        } catch (ClassNotFoundException | LinkageError e) {
            if (name.indexOf('.') < 0) {
                try {
                    return Class.forName("java.lang." + name, false, effective);
                } catch (ClassNotFoundException | LinkageError again) {
                    return null;
                }
            }
            return null;
        }
    }
}
