package io.tributary.log;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Runs in a child JVM for {@link KilledWriterTest}: appends and commits deterministic records to
 * three streams until it is killed. Each commit's position is {@code total=<records committed>}.
 */
public final class CrashingWriter {
  static final String[] STREAMS = {"s.a", "s.b", "s.c"};

  private CrashingWriter() {}

  /** The value of record {@code offset} of {@code stream}, whatever process writes it. */
  static byte[] value(String stream, long offset) {
    return (stream + "#" + offset + "|" + "v".repeat((int) (offset * 31 % 400)))
        .getBytes(StandardCharsets.UTF_8);
  }

  public static void main(String[] args) throws Exception {
    LogSettings settings =
        LogSettings.defaults().withSegmentBytes(256 * 1024).withCheckpointCompactBytes(8 * 1024);
    try (LogWriter writer = LogWriter.open(Path.of(args[0]), settings)) {
      Map<String, Long> ends = new HashMap<>();
      long total = 0;
      for (String s : STREAMS) {
        ends.put(s, writer.endOffset(s));
        total += writer.endOffset(s);
      }
      Random random = new Random();
      while (true) {
        int count = 1 + random.nextInt(300);
        for (int i = 0; i < count; i++) {
          String stream = STREAMS[random.nextInt(STREAMS.length)];
          long offset = ends.get(stream);
          writer.append(stream, offset, null, value(stream, offset));
          ends.put(stream, offset + 1);
        }
        total += count;
        writer.commit("total=" + total);
      }
    }
  }
}
