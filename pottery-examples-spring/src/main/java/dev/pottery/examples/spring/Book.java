package dev.pottery.examples.spring;

/**
 * A book, the value the example caches: a plain record, stored as JSON ({@code pottery.cache.default.codec=json}),
 * so it need not be {@code Serializable}.
 *
 * <pre>{@code
 * Book dune = new Book("978-0441013593", "Dune");
 * }</pre>
 *
 * @param isbn the key
 * @param title the title
 */
public record Book(String isbn, String title) {
}
