package io.tributary.log;

import io.tributary.log.segment.SegmentFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Deterministic records and file surgery shared by the log tests. */
final class Fixtures {
  private Fixtures() {}

  /** Small segments and a dense index, so that a few hundred records span many of both. */
  static LogSettings smallSegments() {
    return LogSettings.defaults().withSegmentBytes(2048).withIndexIntervalBytes(256);
  }

  /** A key that is null for every seventh offset, to cover null keys. */
  static byte[] key(long offset) {
    return offset % 7 == 3 ? null : ("k" + offset).getBytes(StandardCharsets.UTF_8);
  }

  /** A value whose content and length depend on stream and offset, so misplaced records show. */
  static byte[] value(String stream, long offset) {
    return (stream + "@" + offset + ":" + "x".repeat((int) (offset * 7 % 90)))
        .getBytes(StandardCharsets.UTF_8);
  }

  static LogRecord expected(String stream, long offset, long timestampMs) {
    return new LogRecord(offset, timestampMs, key(offset), value(stream, offset));
  }

  /** Appends records {@code from} to {@code to - 1} with timestamps {@code 1000 + offset}. */
  static void append(LogWriter writer, String stream, long from, long to) throws IOException {
    for (long i = from; i < to; i++) {
      long offset = writer.append(stream, 1000 + i, key(i), value(stream, i));
      if (offset != i) {
        throw new AssertionError("expected offset " + i + " but got " + offset);
      }
    }
  }

  static List<LogRecord> readAll(LogReader reader, String stream, long from) throws IOException {
    List<LogRecord> all = new ArrayList<>();
    long next = from;
    while (true) {
      ReadResult result = reader.read(stream, next, 37);
      all.addAll(result.records());
      if (result.caughtUp()) {
        return all;
      }
      next = result.nextOffset();
    }
  }

  static Path streamDir(Path log, String stream) {
    return new LogLayout(log).stream(stream);
  }

  static long[] segments(Path log, String stream) throws IOException {
    return SegmentFiles.list(streamDir(log, stream));
  }

  static Path lastSegment(Path log, String stream) throws IOException {
    long[] bases = segments(log, stream);
    return SegmentFiles.log(streamDir(log, stream), bases[bases.length - 1]);
  }

  static void appendBytes(Path file, byte[] bytes) throws IOException {
    Files.write(file, bytes, StandardOpenOption.APPEND);
  }

  static void truncate(Path file, long size) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(size);
    }
  }

  /** Flips all bits of the byte at {@code position}. */
  static void flipByte(Path file, long position) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      channel.read(one, position);
      one.put(0, (byte) ~one.get(0)).rewind();
      channel.write(one, position);
    }
  }

  static byte[] garbage(int length, long seed) {
    byte[] bytes = new byte[length];
    new java.util.Random(seed).nextBytes(bytes);
    return bytes;
  }
}
