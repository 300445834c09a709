/**
 * Pottery for Java: Redis used through the interfaces of {@code java.util} and
 * {@code java.util.concurrent}, wire-compatible with Python pottery.
 *
 * <p>This package holds the exception hierarchy shared by every part of the library, rooted in
 * {@link dev.pottery.PotteryException}. The types themselves live in sub-packages:
 * {@code codec} (values to bytes), {@code collections}, {@code lock}, {@code id}, {@code time}
 * and {@code cache}.
 */
package dev.pottery;
