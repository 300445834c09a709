package dev.pottery.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Java serialization, as JSR-107's store-by-value semantics expect of any {@link Serializable} key or
 * value, decoding only under an allow-list. Classes are resolved with the given class loader (the cache
 * manager's), so that application classes load in containers.
 *
 * <pre>{@code
 * Codec<Order> orders = SerializingCodec.<Order>with(loader)
 *         .allowTypes(Order.class)                      // exactly this class (and arrays of it)
 *         .allowPatterns("com.example.model.*");        // ObjectInputFilter syntax: a package
 * orders.decode(bytes, "orders:17");   // an object of any other class: CodecException, nothing of it runs
 * }</pre>
 *
 * <p><b>The deserialization filter.</b> Whoever can write to Redis chooses the bytes every reader decodes,
 * and Java deserialization runs the code of the classes those bytes name ({@code readObject},
 * {@code readResolve}, ...): the "gadget chain" attacks. So {@link #decode} installs an
 * {@link ObjectInputFilter} on each stream, which refuses, before any of its code runs, every class that is
 * not allowed, and the decode fails with a {@link CodecException} naming the class. Allowed are:
 * <ul>
 *   <li>the JDK's value types ({@link #jdkValueTypes()}): String, boxed primitives, BigInteger/BigDecimal,
 *       {@code java.time}, UUID, Date, URI, Locale, Currency, the {@code java.util} collections and maps
 *       with their unmodifiable/empty/singleton/{@code List.of} forms, and the concurrent ones;</li>
 *   <li>the types given to {@link #allowTypes} (exactly those classes), and the classes that implement or
 *       extend a type given to {@link #allowSubtypesOf};</li>
 *   <li>the classes matching the patterns given to {@link #allowPatterns}, in
 *       {@link ObjectInputFilter.Config#createFilter(String)} syntax ({@code com.example.Order},
 *       {@code com.example.*} for a package, {@code com.example.**} for a package and its sub-packages,
 *       {@code !com.example.Legacy} to refuse; the first matching pattern decides), or {@code *} to allow
 *       every class (the unfiltered codec: only for Redis that only trusted code can write);</li>
 *   <li>enums, arrays of allowed types, arrays of primitives, and the superclasses of an allowed class.</li>
 * </ul>
 * A value is also refused when its objects nest more than 32 deep ({@code maxdepth}), when an array is
 * longer than 8 times the stored bytes (at least 1024; {@code maxarray}: a few bytes cannot claim a huge
 * allocation), or when it holds more references than twice its bytes ({@code maxrefs}); a pattern such as
 * {@code maxdepth=64} replaces a limit. A process-wide filter ({@code jdk.serialFilter}) still applies: a
 * class it refuses stays refused.
 *
 * <p>Encoding is checked against the same allow-list: a value that names a class this codec would refuse
 * to decode (its own class, or that of any object it holds) fails to encode with a {@link CodecException}
 * naming the class, so that nothing is stored that no reader with this codec can read back. Not readable
 * by Python; use {@link JsonCodec} for keys shared with Python pottery.
 *
 * @param <T> the type of values
 */
public final class SerializingCodec<T> implements Codec<T> {

    private final ClassLoader classLoader;
    private final SerializationFilter filter;

    private SerializingCodec(ClassLoader classLoader, SerializationFilter filter) {
        this.classLoader = classLoader;
        this.filter = filter;
    }

    /**
     * A codec that resolves classes with the given loader (the thread's context loader when null) and
     * decodes only the JDK's value types until more are allowed.
     */
    public static <T> SerializingCodec<T> with(ClassLoader classLoader) {
        return new SerializingCodec<>(classLoader, SerializationFilter.jdkValueTypes());
    }

    /** A codec that resolves classes with this library's own class loader; JDK value types only. */
    public static <T> SerializingCodec<T> create() {
        return with(SerializingCodec.class.getClassLoader());
    }

    /** The patterns of the JDK value types every SerializingCodec decodes, in ObjectInputFilter syntax. */
    public static List<String> jdkValueTypes() {
        return SerializationFilter.JDK_VALUE_TYPES;
    }

    /**
     * The same codec, also decoding exactly these classes (and arrays of them); {@code Object} and nulls are
     * ignored, since allowing {@code Object} would allow everything.
     */
    public SerializingCodec<T> allowTypes(Class<?>... types) {
        return allowTypes(Arrays.asList(types));
    }

    /** The same codec, also decoding exactly these classes; see {@link #allowTypes(Class[])}. */
    public SerializingCodec<T> allowTypes(Collection<? extends Class<?>> types) {
        return new SerializingCodec<>(classLoader, filter.allowTypes(new ArrayList<>(types)));
    }

    /**
     * The same codec, also decoding every class assignable to one of these types: interfaces an application
     * implements on purpose, e.g. JCache's {@code CacheLoader}. Never {@code Object}, {@code Serializable},
     * {@code Externalizable}, {@code Cloneable} or {@code Comparable}.
     *
     * @throws IllegalArgumentException for one of those
     */
    public SerializingCodec<T> allowSubtypesOf(Class<?>... types) {
        return new SerializingCodec<>(classLoader, filter.allowSubtypesOf(Arrays.asList(types)));
    }

    /**
     * The same codec, also decoding the classes these patterns allow (each string may hold several,
     * separated by {@code ;} or {@code ,}).
     *
     * @throws IllegalArgumentException if a pattern is not valid {@link ObjectInputFilter} syntax
     */
    public SerializingCodec<T> allowPatterns(String... patterns) {
        return allowPatterns(Arrays.asList(patterns));
    }

    /** The same codec, also decoding what these patterns allow; see {@link #allowPatterns(String...)}. */
    public SerializingCodec<T> allowPatterns(List<String> patterns) {
        return new SerializingCodec<>(classLoader, filter.allowPatterns(patterns));
    }

    @Override
    public byte[] encode(T value) {
        if (value != null && !(value instanceof Serializable)) {
            throw new CodecException("cannot serialize a " + value.getClass().getName() + ": it is not Serializable");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SerializationFilter.StreamCheck check = filter.newCheck(Integer.MAX_VALUE);
        try (ObjectOutputStream out = new CheckedObjectOutputStream(bytes, check)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw new CodecException("cannot serialize a " + value.getClass().getName() + ": it holds a "
                    + e.getMessage() + ", which is not Serializable", e);
        } catch (IOException e) {
            throw new CodecException("cannot serialize a " + value.getClass().getName() + ": " + e.getMessage(), e);
        }
        if (check.refused() != null) {
            throw new CodecException("refused to serialize a " + value.getClass().getName() + ": it holds "
                    + check.refused() + ", which is not on the deserialization allow-list (" + filter.describe()
                    + "), so no reader could decode it; trust it with SerializingCodec.allowTypes/allowPatterns"
                    + " (JCache: the pottery.serialization.allow setting)");
        }
        return bytes.toByteArray();
    }

    @Override
    public T decode(byte[] bytes) {
        if (bytes == null) {
            throw new CodecException("cannot deserialize null bytes");
        }
        SerializationFilter.StreamCheck check = filter.newCheck(bytes.length);
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loader())) {
            ObjectInputFilter processWide = in.getObjectInputFilter();
            in.setObjectInputFilter(processWide == null ? check : info -> {
                ObjectInputFilter.Status status = processWide.checkInput(info);
                return status == ObjectInputFilter.Status.REJECTED ? status : check.checkInput(info);
            });
            @SuppressWarnings("unchecked")
            T value = (T) in.readObject();
            return value;
        } catch (InvalidClassException e) {
            if (check.refused() != null) {
                throw new CodecException("refused to deserialize " + check.refused() + ": it is not on the"
                        + " deserialization allow-list (" + filter.describe() + "); trust it with"
                        + " SerializingCodec.allowTypes/allowPatterns (JCache: the pottery.serialization.allow"
                        + " setting)", e);
            }
            throw new CodecException("cannot deserialize " + CodecException.preview(bytes) + ": " + e, e);
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new CodecException("cannot deserialize " + CodecException.preview(bytes) + ": " + e, e);
        }
    }

    private ClassLoader loader() {
        if (classLoader != null) {
            return classLoader;
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : SerializingCodec.class.getClassLoader();
    }

    @Override
    public String toString() {
        return "SerializingCodec[allows " + filter.describe() + "]";
    }

    /**
     * Checks each class descriptor it writes against the filter, which remembers the first it refuses; the
     * caller fails the encoding after the write (failing within it would make the stream try to write the
     * failure itself, whose class is refused in turn).
     */
    private static final class CheckedObjectOutputStream extends ObjectOutputStream {

        private final SerializationFilter.StreamCheck check;

        CheckedObjectOutputStream(OutputStream out, SerializationFilter.StreamCheck check) throws IOException {
            super(out);
            this.check = check;
        }

        @Override
        protected void annotateClass(Class<?> type) {
            check.allowsWriting(type);
        }

        @Override
        protected void annotateProxyClass(Class<?> type) {
            check.allowsWriting(type);
        }
    }

    /** Resolves classes with a chosen loader instead of the caller's. */
    private static final class LoaderObjectInputStream extends ObjectInputStream {

        private final ClassLoader loader;

        LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
