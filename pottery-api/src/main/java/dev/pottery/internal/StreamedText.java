package dev.pottery.internal;

import java.util.Iterator;

/**
 * The {@code [a, b]} text of a collection, built as its iterator streams (page by page from Redis),
 * as {@link java.util.AbstractCollection#toString()} writes it.
 */
public final class StreamedText {

    private StreamedText() {
    }

    /** {@code [a, b]} of what {@code elements} yields. */
    public static String of(Iterator<?> elements) {
        StringBuilder out = new StringBuilder("[");
        while (elements.hasNext()) {
            out.append(elements.next());
            if (elements.hasNext()) {
                out.append(", ");
            }
        }
        return out.append(']').toString();
    }
}
