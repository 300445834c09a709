/**
 * {@link dev.pottery.collections.list.RedisList}: a {@link java.util.List} on a Redis list, laid out as
 * Python pottery's {@code RedisList} (one item per encoded element, in order).
 *
 * <pre>{@code
 * RedisList<Object> squares = new RedisList<>(redis, "squares", List.of(1L, 4L, 9L));
 * squares.subList(1, 3).clear();   // a live view: one script
 * }</pre>
 *
 * <p>{@code ListCommands} sends every command and script ({@code list-*.lua}); {@code ListPageIterator}
 * walks LRANGE pages in both directions; {@code ListSubView} is the live {@code subList}.
 */
package dev.pottery.collections.list;
