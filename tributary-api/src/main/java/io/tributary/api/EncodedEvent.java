package io.tributary.api;

import java.util.Objects;

/**
 * An event as destinations store it: its stream, and the JSON bytes of its key and envelope ({@link
 * io.tributary.api.envelope.EnvelopeWriter}). Encoding happens once, before the event is queued, so
 * what waits for the destination is compact and every destination writes the same bytes. The arrays
 * are owned by this event and must not be changed.
 *
 * @param stream the stream it belongs to
 * @param key the key bytes, or null for events without a key
 * @param value the envelope bytes
 * @param timestampMs when Tributary processed the event, epoch milliseconds
 */
@SuppressWarnings(
    "ArrayRecordComponent") // immutable by contract; copying would cost a copy per event
public record EncodedEvent(String stream, byte[] key, byte[] value, long timestampMs) {
  public EncodedEvent {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(value, "value");
  }
}
