package dev.pottery.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;

/**
 * Java serialization, as JSR-107's store-by-value semantics expect of any {@link Serializable} key or
 * value. Classes are resolved with the given class loader (the cache manager's), so that application
 * classes load in containers.
 *
 * <p>Not readable by Python; use {@link JsonCodec} for keys shared with Python pottery.
 *
 * @param <T> the type of values
 */
public final class SerializingCodec<T> implements Codec<T> {

    private final ClassLoader classLoader;

    private SerializingCodec(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /** A codec that resolves classes with the given loader (the thread's context loader when null). */
    public static <T> SerializingCodec<T> with(ClassLoader classLoader) {
        return new SerializingCodec<>(classLoader);
    }

    /** A codec that resolves classes with this library's own class loader. */
    public static <T> SerializingCodec<T> create() {
        return new SerializingCodec<>(SerializingCodec.class.getClassLoader());
    }

    @Override
    public byte[] encode(T value) {
        if (value != null && !(value instanceof Serializable)) {
            throw new CodecException("cannot serialize a " + value.getClass().getName() + ": it is not Serializable");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw new CodecException("cannot serialize a " + value.getClass().getName() + ": it holds a "
                    + e.getMessage() + ", which is not Serializable", e);
        } catch (IOException e) {
            throw new CodecException("cannot serialize a " + value.getClass().getName() + ": " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    @Override
    public T decode(byte[] bytes) {
        if (bytes == null) {
            throw new CodecException("cannot deserialize null bytes");
        }
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loader())) {
            @SuppressWarnings("unchecked")
            T value = (T) in.readObject();
            return value;
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
        return "SerializingCodec";
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
