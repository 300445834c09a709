package dev.pottery.spring.boot.json;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The classes the JSON codec may instantiate from a type name found in Redis: the application's packages
 * (and their sub-packages), plus the JDK's plain value types ({@code String}, boxed primitives,
 * {@code BigDecimal}, {@code BigInteger}, {@code UUID}, {@code java.time} values), the collections and maps of
 * {@code java.util}, and arrays of any of these. Everything else is refused before its class is even loaded,
 * so a type name planted in Redis cannot make Jackson build an arbitrary class ("gadget").
 *
 * <pre>{@code
 * TypeAllowList allowed = TypeAllowList.of(List.of("com.example.shop"));
 * allowed.allows("com.example.shop.model.Order");      // true
 * allowed.allows("java.util.logging.FileHandler");      // false
 * }</pre>
 */
public final class TypeAllowList extends PolymorphicTypeValidator.Base {

    private static final long serialVersionUID = 1L;

    private static final Set<String> JDK_VALUES = Set.of("java.lang.String", "java.lang.Boolean",
            "java.lang.Character", "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long",
            "java.lang.Float", "java.lang.Double", "java.math.BigDecimal", "java.math.BigInteger",
            "java.util.UUID", "java.util.Date", "java.util.Locale", "java.util.Currency");
    private static final String JAVA_TIME = "java.time.";
    private static final String JAVA_UTIL = "java.util.";

    private final List<String> packages;

    private TypeAllowList(List<String> packages) {
        this.packages = List.copyOf(packages);
    }

    /**
     * An allow-list of these packages (each with its sub-packages) and the JDK types above.
     *
     * @throws IllegalArgumentException if a package is blank or would allow all of {@code java}/{@code javax}
     */
    public static TypeAllowList of(Collection<String> packages) {
        List<String> cleaned = packages.stream().map(String::trim).distinct().toList();
        for (String name : cleaned) {
            if (name.isEmpty() || name.endsWith(".")) {
                throw new IllegalArgumentException("'" + name + "' is not a package name");
            }
            if (name.equals("java") || name.equals("javax") || name.startsWith("java.") || name.startsWith("javax.")) {
                throw new IllegalArgumentException("package " + name + " cannot be allowed as a whole: it holds"
                        + " classes that are unsafe to build from JSON");
            }
        }
        return new TypeAllowList(cleaned);
    }

    /** The application packages allowed (the JDK types are always allowed). */
    public List<String> packages() {
        return packages;
    }

    /** Whether a value of this class may be written and read back (its class only, not its fields'). */
    public boolean allows(Class<?> type) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        if (element.isPrimitive() || allowsName(element.getName())) {
            return true;
        }
        return isJdkCollection(element);
    }

    /** Whether a class of this name is allowed without loading it (a {@code java.util} collection is not known yet). */
    public boolean allows(String className) {
        Validity validity = byName(className);
        return validity == Validity.ALLOWED;
    }

    @Override
    public Validity validateBaseType(MapperConfig<?> config, JavaType baseType) {
        return Validity.INDETERMINATE;
    }

    @Override
    public Validity validateSubClassName(MapperConfig<?> config, JavaType baseType, String subClassName) {
        return byName(subClassName);
    }

    @Override
    public Validity validateSubType(MapperConfig<?> config, JavaType baseType, JavaType subType) {
        // Reached only for names of java.util classes, which are loaded to see whether they are collections.
        return allows(subType.getRawClass()) ? Validity.ALLOWED : Validity.DENIED;
    }

    private Validity byName(String className) {
        String name = elementName(className);
        if (name == null) {
            return Validity.ALLOWED; // an array of primitives
        }
        if (allowsName(name)) {
            return Validity.ALLOWED;
        }
        if (name.startsWith(JAVA_UTIL) && name.indexOf('.', JAVA_UTIL.length()) < 0) {
            return Validity.INDETERMINATE;
        }
        return Validity.DENIED;
    }

    private boolean allowsName(String name) {
        if (JDK_VALUES.contains(name)) {
            return true;
        }
        if (name.startsWith(JAVA_TIME) && name.indexOf('.', JAVA_TIME.length()) < 0) {
            return true;
        }
        for (String allowed : packages) {
            if (name.startsWith(allowed) && name.length() > allowed.length() && name.charAt(allowed.length()) == '.') {
                return true;
            }
        }
        return false;
    }

    /** The element class name of an array type name ({@code [Lcom.x.Y;}), the name itself otherwise, null for primitives. */
    private static String elementName(String className) {
        String name = className;
        while (name.startsWith("[")) {
            name = name.substring(1);
        }
        if (name.length() == className.length()) {
            return name;
        }
        if (name.startsWith("L") && name.endsWith(";")) {
            return name.substring(1, name.length() - 1);
        }
        return null;
    }

    private static boolean isJdkCollection(Class<?> type) {
        return type.getPackageName().equals("java.util")
                && (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type));
    }

    @Override
    public String toString() {
        return "TypeAllowList" + packages;
    }
}
