package dev.pottery.jcache.configuration;

import dev.pottery.codec.BytesCodec;
import dev.pottery.codec.Codec;
import dev.pottery.codec.JsonCodec;
import dev.pottery.codec.SerializingCodec;
import dev.pottery.codec.StringCodec;
import dev.pottery.codec.TextCodec;
import java.lang.reflect.Modifier;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The names of the codecs a cache can use, so that a cache's codecs can be written in a configuration file
 * and recorded with its configuration in Redis, and every JVM that opens the cache makes the same ones:
 * <ul>
 *   <li>{@value #JAVA}: Java serialization under the manager's deserialization allow-list;</li>
 *   <li>{@value #STRING}: a String as UTF-8;</li>
 *   <li>{@value #BYTES}: a {@code byte[]} as it is;</li>
 *   <li>{@value #TEXT}: a number, boolean or UUID as its plain text ({@link TextCodec});</li>
 *   <li>{@value #JSON}: Python pottery's JSON layout, decoded to natural Java types for an {@code Object}
 *       type, or to the declared type with Jackson;</li>
 *   <li>the name of a {@link Codec} class with a public no-argument constructor.</li>
 * </ul>
 * A cache that names none gets the default for its declared type ({@link #defaultFor}): {@code string} for
 * String, {@code bytes} for {@code byte[]}, {@code text} for the scalars {@link TextCodec} stores, else
 * {@code java}.
 *
 * <pre>{@code
 * cache.profiles.key-codec = string
 * cache.profiles.value-codec = json
 * }</pre>
 */
public final class CodecNames {

    /** Java serialization (under the manager's deserialization allow-list). */
    public static final String JAVA = "java";
    /** UTF-8 text of a String. */
    public static final String STRING = "string";
    /** Raw bytes of a {@code byte[]}. */
    public static final String BYTES = "bytes";
    /** Plain text of a number, boolean or UUID. */
    public static final String TEXT = "text";
    /** Python pottery's JSON. */
    public static final String JSON = "json";
    /** Prefix of a recorded codec that cannot be made again from a name (an instance without a no-argument constructor). */
    private static final String CUSTOM = "custom:";

    private CodecNames() {
    }

    /** The codec a cache of this declared type uses when it names none. */
    public static String defaultFor(Class<?> type) {
        if (type == String.class) {
            return STRING;
        }
        if (type == byte[].class) {
            return BYTES;
        }
        return TextCodec.supports(type) ? TEXT : JAVA;
    }

    /**
     * The name under which a cache records a codec instance it was given: a standard name when the instance is
     * one a name makes for {@code type}, the class name when the class has a public no-argument constructor,
     * else {@code custom:<class>} (a JVM opening the cache by name then cannot make it, and says so).
     */
    public static String nameOf(Codec<?> codec, Class<?> type) {
        if (codec instanceof SerializingCodec<?>) {
            return JAVA;
        }
        if (codec == StringCodec.utf8()) {
            return STRING;
        }
        if (codec == BytesCodec.raw()) {
            return BYTES;
        }
        if (codec instanceof TextCodec<?> text && text.type() == type) {
            return TEXT;
        }
        if (codec instanceof JsonCodec<?> json
                && (json.isNatural() ? type == Object.class : json.plainClass() == type)) {
            return JSON;
        }
        Class<?> codecClass = codec.getClass();
        try {
            if (Modifier.isPublic(codecClass.getModifiers()) && !codecClass.isAnonymousClass()
                    && Modifier.isPublic(codecClass.getConstructor().getModifiers())) {
                return codecClass.getName();
            }
        } catch (NoSuchMethodException e) {
            // fall through: not recreatable
        }
        return CUSTOM + codecClass.getName();
    }

    /**
     * The codec a name stands for, for values of {@code type}; {@code java} is made by {@code javaCodec} (the
     * manager's filtered serialization).
     *
     * @throws IllegalArgumentException naming the problem if the name does not fit the type, names no codec,
     *     or names one recorded from an instance that cannot be made again
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> Codec<T> make(String name, Class<T> type, ClassLoader loader, Supplier<Codec<T>> javaCodec) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case JAVA:
                return javaCodec.get();
            case STRING:
                requireType(name, type, String.class);
                return (Codec) StringCodec.utf8();
            case BYTES:
                requireType(name, type, byte[].class);
                return (Codec) BytesCodec.raw();
            case TEXT:
                if (!TextCodec.supports(type)) {
                    throw new IllegalArgumentException("codec 'text' stores numbers, booleans and UUIDs, not "
                            + type.getName());
                }
                return TextCodec.of(type);
            case JSON:
                return type == Object.class ? (Codec) JsonCodec.natural() : JsonCodec.of(type);
            default:
                if (name.startsWith(CUSTOM)) {
                    throw new IllegalArgumentException("its codec is an instance of " + name.substring(CUSTOM.length())
                            + ", which has no public constructor without arguments, so it cannot be made here: open"
                            + " the cache with createCache and the same PotteryConfiguration, or give the codec class"
                            + " a public no-argument constructor");
                }
                return instance(name, loader);
        }
    }

    /** The codec class a name gives, made with its public no-argument constructor. */
    @SuppressWarnings("unchecked")
    private static <T> Codec<T> instance(String className, ClassLoader loader) {
        Class<?> codecClass;
        try {
            codecClass = Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("codec '" + className + "' is neither java, string, bytes, text or"
                    + " json nor a class this class loader knows", e);
        }
        if (!Codec.class.isAssignableFrom(codecClass)) {
            throw new IllegalArgumentException("class " + className + " is not a " + Codec.class.getName());
        }
        try {
            return (Codec<T>) codecClass.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("codec " + className
                    + " cannot be made (it needs a public constructor without arguments): " + e, e);
        }
    }

    /** The codec name a configuration-file property gives (checked against the cache's type), or null if absent. */
    static String fromFile(String property, ConfigValues values, ClassLoader loader, Class<?> type) {
        String name = values.text(property);
        if (name == null) {
            return null;
        }
        try {
            make(name, type, loader, () -> null);
        } catch (IllegalArgumentException e) {
            throw values.source().problem(property, e.getMessage(), e);
        }
        return name.toLowerCase(Locale.ROOT).matches("java|string|bytes|text|json") ? name.toLowerCase(Locale.ROOT)
                : name;
    }

    private static void requireType(String name, Class<?> type, Class<?> needed) {
        if (type != Object.class && type != needed) {
            throw new IllegalArgumentException("codec '" + name + "' handles " + needed.getSimpleName()
                    + ", but the cache's type is " + type.getName());
        }
    }
}
