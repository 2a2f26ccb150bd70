package io.tributary.api.envelope;

/**
 * An envelope with two holes, made by {@link EnvelopeWriter#template}: {@code head + row + middle +
 * suffix + tail} is a complete envelope whose {@code after} is {@code row} and whose idempotency
 * key ends with {@code suffix}. Lets a source that writes many events alike (the rows of a snapshot
 * chunk) write only what differs.
 *
 * @param head everything before the {@code after} row
 * @param middle from after the row to the end of the idempotency key's common part
 * @param tail the key's closing quote and the envelope's closing brace
 */
@SuppressWarnings("ArrayRecordComponent") // written as they are, never changed
public record EnvelopeTemplate(byte[] head, byte[] middle, byte[] tail) {}
