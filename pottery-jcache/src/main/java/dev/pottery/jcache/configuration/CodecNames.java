package dev.pottery.jcache.configuration;

import dev.pottery.codec.BytesCodec;
import dev.pottery.codec.Codec;
import dev.pottery.codec.JsonCodec;
import dev.pottery.codec.StringCodec;
import java.util.Locale;

/**
 * The codecs a configuration file can name: {@code java} (Java serialization under the manager's
 * deserialization allow-list, the default), {@code string}
 * (UTF-8, for String types), {@code bytes} (raw, for byte[]), {@code json} (Python pottery's JSON layout;
 * typed by the cache's key or value type when one is given), or the class name of a {@link Codec} with a
 * public no-argument constructor.
 *
 * <pre>{@code
 * cache.profiles.key-codec = string
 * cache.profiles.value-codec = json
 * }</pre>
 */
public final class CodecNames {

    private CodecNames() {
    }

    /** The codec a property names, or null (the default) if the property is absent or names {@code java}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Codec<Object> codec(String property, ConfigValues values, ClassLoader loader, Class<?> type) {
        String name = values.text(property);
        if (name == null) {
            return null;
        }
        switch (name.toLowerCase(Locale.ROOT)) {
            case "java":
                // The default: the manager makes it with its deserialization allow-list and the cache's types.
                return null;
            case "string":
                requireType(property, values, type, String.class);
                return (Codec) StringCodec.utf8();
            case "bytes":
                requireType(property, values, type, byte[].class);
                return (Codec) BytesCodec.raw();
            case "json":
                return type == Object.class ? (Codec) JsonCodec.natural() : (Codec) JsonCodec.of(type);
            default:
                Class<?> codecClass = values.type(property, loader, Codec.class);
                try {
                    return (Codec<Object>) codecClass.getConstructor().newInstance();
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw values.source().problem(property, "codec " + codecClass.getName()
                            + " cannot be made (it needs a public constructor without arguments): " + e, e);
                }
        }
    }

    private static void requireType(String property, ConfigValues values, Class<?> type, Class<?> needed) {
        if (type != Object.class && type != needed) {
            throw values.source().problem(property, "codec '" + values.text(property) + "' handles "
                    + needed.getSimpleName() + ", but the cache's type is " + type.getName());
        }
    }
}
