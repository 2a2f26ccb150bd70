/**
 * PostgreSQL data types and their text format: which types exist ({@link
 * io.tributary.postgres.types.TypeRegistry}), how a value in text format becomes the Java value a
 * {@link io.tributary.api.Row} carries ({@link io.tributary.postgres.types.TextValueConverter}),
 * and how a {@code COPY ... TO STDOUT} text row splits into fields ({@link
 * io.tributary.postgres.types.CopyTextParser}).
 *
 * <p>The text formats assumed are those of a session with {@code DateStyle=ISO}, {@code
 * TimeZone=UTC} and {@code bytea_output=hex} (escape format is accepted too); {@code IntervalStyle}
 * may be anything, as intervals pass through unchanged.
 */
package io.tributary.postgres.types;
