package dev.pottery.codec;

/** Bytes stored as they are; {@code encode} and {@code decode} copy, so callers cannot change stored values. */
public final class BytesCodec implements Codec<byte[]> {

    private static final BytesCodec INSTANCE = new BytesCodec();

    private BytesCodec() {
    }

    /** The codec. */
    public static BytesCodec raw() {
        return INSTANCE;
    }

    @Override
    public byte[] encode(byte[] value) {
        if (value == null) {
            throw new CodecException("cannot encode null with the raw bytes codec");
        }
        return value.clone();
    }

    @Override
    public byte[] decode(byte[] bytes) {
        if (bytes == null) {
            throw new CodecException("cannot decode null bytes");
        }
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "BytesCodec";
    }
}
