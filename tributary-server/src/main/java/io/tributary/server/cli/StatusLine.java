package io.tributary.server.cli;

import io.tributary.engine.pipeline.PipelineState;
import io.tributary.engine.pipeline.PipelineStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One line summing up a running pipeline, e.g. {@code shop: STREAMING, 1,204 events written, …}.
 */
final class StatusLine {
  private StatusLine() {}

  static String format(String pipeline, PipelineStatus s, Instant now) {
    StringBuilder line = new StringBuilder(pipeline).append(": ").append(s.state());
    line.append(String.format(", %,d events written", s.eventsWritten()));
    if (s.lastEventAt() != null) {
      line.append(", last ").append(ago(Duration.between(s.lastEventAt(), now))).append(" ago");
    }
    if (s.state() == PipelineState.SNAPSHOTTING && !s.snapshotProgress().isEmpty()) {
      line.append(", snapshot ").append(snapshot(s.snapshotProgress()));
    }
    if (s.lagBytes() >= 0) {
      line.append(String.format(", lag %,d bytes", s.lagBytes()));
    }
    if (s.retries() > 0) {
      line.append(", ").append(s.retries()).append(s.retries() == 1 ? " retry" : " retries");
    }
    if (s.lastError() != null) {
      line.append(", last error: ").append(s.lastError());
    }
    return line.toString();
  }

  private static String snapshot(Map<String, long[]> progress) {
    StringBuilder out = new StringBuilder();
    new TreeMap<>(progress)
        .forEach(
            (table, p) -> {
              if (!out.isEmpty()) {
                out.append(", ");
              }
              out.append(table).append(String.format(" %,d", p[0]));
              if (p[1] > 0) {
                out.append(String.format("/%,d", p[1]));
              }
            });
    return out.toString();
  }

  static String ago(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 120) {
      return s + "s";
    }
    return s < 7200 ? s / 60 + "m" : s / 3600 + "h";
  }
}
