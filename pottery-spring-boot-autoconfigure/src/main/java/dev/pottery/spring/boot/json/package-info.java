/**
 * The JSON value codec of Spring caches: values of any class (not only {@code Serializable} ones) written by
 * the application's Jackson {@code ObjectMapper} with their type recorded, and read back only when the type is
 * on an allow-list.
 *
 * <pre>{@code
 * Codec<Object> codec = new TypedJsonCodec(objectMapper, TypeAllowList.of(List.of("com.example")));
 * byte[] json = codec.encode(new Book("978-0441013593", "Dune"));  // {"@class":"com.example.Book",...}
 * Book dune = (Book) codec.decode(json);
 * }</pre>
 */
package dev.pottery.spring.boot.json;
