package dev.pottery.spring.boot.app;

import java.util.List;

/**
 * A cached value that is deliberately not {@code Serializable}: the JSON codec stores it.
 *
 * @param isbn the key
 * @param title the title
 * @param authors the authors
 */
public record Book(String isbn, String title, List<String> authors) {
}
