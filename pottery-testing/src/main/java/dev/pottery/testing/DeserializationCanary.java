package dev.pottery.testing;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;

/**
 * A serializable class whose {@code readObject} records that it ran: the stand-in for a gadget class in
 * tests of deserialization filters. A filter that works refuses it before {@link #ran()} turns true.
 *
 * <pre>{@code
 * DeserializationCanary.reset();
 * byte[] bytes = serialize(new DeserializationCanary("planted"));
 * assertThatThrownBy(() -> filteredCodec.decode(bytes)).isInstanceOf(CodecException.class);
 * assertThat(DeserializationCanary.ran()).isFalse();
 * }</pre>
 */
public final class DeserializationCanary implements Serializable {

    private static final long serialVersionUID = 1L;
    private static volatile boolean ran;

    private final String name;

    /** A canary carrying a name, to tell it was read back whole. */
    public DeserializationCanary(String name) {
        this.name = name;
    }

    /** The name it was made with. */
    public String name() {
        return name;
    }

    /** Whether any canary's {@code readObject} has run since the last {@link #reset()}. */
    public static boolean ran() {
        return ran;
    }

    /** Forgets that a canary ran. */
    public static void reset() {
        ran = false;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        ran = true;
        in.defaultReadObject();
    }
}
