package io.tributary.postgres.pgoutput;

import io.tributary.api.offset.Lsn;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@code Message} ('M'): written with {@code pg_logical_emit_message} (Tributary's heartbeats use
 * it). Sent only when the subscription asks for {@code messages 'true'}.
 *
 * @param transactional whether it was emitted inside a transaction (flag bit 1); a transactional
 *     message arrives between that transaction's {@link Begin} and {@link Commit}
 * @param lsn the LSN of the message
 * @param prefix the prefix given by the emitter, used to tell applications apart
 * @param content the payload; the record owns the array, {@link #content()} returns a copy
 */
public record LogicalMessage(boolean transactional, Lsn lsn, String prefix, byte[] content)
    implements PgOutputMessage {

  public LogicalMessage {
    Objects.requireNonNull(lsn, "lsn");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(content, "content");
  }

  /** A copy of the payload. */
  @Override
  public byte[] content() {
    return content.clone();
  }

  /** The payload decoded as UTF-8, for emitters that write text. */
  public String contentAsString() {
    return new String(content, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogicalMessage m
        && transactional == m.transactional
        && lsn.equals(m.lsn)
        && prefix.equals(m.prefix)
        && Arrays.equals(content, m.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(transactional, lsn, prefix, Arrays.hashCode(content));
  }

  @Override
  public String toString() {
    return "LogicalMessage[transactional="
        + transactional
        + ", lsn="
        + lsn
        + ", prefix="
        + prefix
        + ", content="
        + content.length
        + " bytes]";
  }
}
