/**
 * Codecs turn Java values into the bytes Redis stores, and back.
 *
 * <p>The default, {@link dev.pottery.codec.JsonCodec#natural()}, writes exactly the bytes Python
 * pottery writes ({@code json.dumps(value, sort_keys=True)}), so that Java and Python programs can
 * share keys. {@link dev.pottery.codec.JsonCodec#of(Class)} does the same for the user's own records
 * and POJOs; {@link dev.pottery.codec.StringCodec}, {@link dev.pottery.codec.BytesCodec} and
 * {@link dev.pottery.codec.SerializingCodec} store raw text, raw bytes and Java-serialized objects.
 */
package dev.pottery.codec;
