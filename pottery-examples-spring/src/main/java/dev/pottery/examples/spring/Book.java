package dev.pottery.examples.spring;

import java.io.Serializable;

/**
 * A book, the value the example caches (serializable: Pottery's default codec is Java serialization).
 *
 * <pre>{@code
 * Book dune = new Book("978-0441013593", "Dune");
 * }</pre>
 *
 * @param isbn the key
 * @param title the title
 */
public record Book(String isbn, String title) implements Serializable {
}
