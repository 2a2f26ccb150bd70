package io.tributary.log.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The writer's side of a log directory's {@code checkpoints} file: appends one record per commit
 * and forces it to the device; replaces the file with a compacted one (only the latest checkpoint)
 * when it grows large. Replacement writes a temporary file, forces it and renames it over the old
 * one, so a reader or a crash always finds either the old file or the new one, whole.
 *
 * <p>Only the process holding the log's lock may use this. Not thread-safe.
 */
public final class CheckpointFile implements AutoCloseable {
  public static final String NAME = "checkpoints";
  private static final String TEMPORARY = "checkpoints.tmp";

  private final Path dir;
  private FileChannel channel;
  private long size;
  private int lastRecordBytes;

  private CheckpointFile(Path dir, FileChannel channel, long size, int lastRecordBytes) {
    this.dir = dir;
    this.channel = channel;
    this.size = size;
    this.lastRecordBytes = lastRecordBytes;
  }

  public static Path path(Path dir) {
    return dir.resolve(NAME);
  }

  /**
   * Replaces the checkpoint file of {@code dir} by a new one holding only {@code latest}, which
   * also drops a torn or corrupt tail, and opens it for appending.
   */
  public static CheckpointFile rewrite(Path dir, Optional<Checkpoint> latest) throws IOException {
    Path temporary = dir.resolve(TEMPORARY);
    FileChannel channel =
        FileChannel.open(
            temporary,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
    try {
      long size =
          writeFully(channel, CheckpointCodec.header(ThreadLocalRandom.current().nextLong()));
      int recordBytes = 0;
      if (latest.isPresent()) {
        recordBytes = (int) writeFully(channel, CheckpointCodec.encode(latest.get()));
        size += recordBytes;
      }
      channel.force(true);
      // On POSIX the open channel follows the file through the rename, so no reopen can fail later.
      Files.move(
          temporary,
          path(dir),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      fsyncDirectory(dir);
      return new CheckpointFile(dir, channel, size, recordBytes);
    } catch (IOException | RuntimeException e) {
      channel.close();
      Files.deleteIfExists(temporary);
      throw e;
    }
  }

  /** Appends {@code checkpoint} and forces it to the device. */
  public void append(Checkpoint checkpoint) throws IOException {
    ByteBuffer record = CheckpointCodec.encode(checkpoint);
    int bytes = record.remaining();
    while (record.hasRemaining()) {
      size += channel.write(record, size);
    }
    channel.force(false);
    lastRecordBytes = bytes;
  }

  /**
   * Whether the file is worth compacting: above {@code thresholdBytes} and holding several records,
   * so that a log with very many streams does not rewrite the file on every commit.
   */
  public boolean shouldCompact(long thresholdBytes) {
    return size > thresholdBytes && size > 4L * lastRecordBytes;
  }

  /**
   * Replaces the file by one holding only {@code latest}; on failure the current file stays in use.
   */
  public void compact(Checkpoint latest) throws IOException {
    CheckpointFile fresh = rewrite(dir, Optional.of(latest));
    FileChannel old = channel;
    channel = fresh.channel;
    size = fresh.size;
    lastRecordBytes = fresh.lastRecordBytes;
    old.close();
  }

  public long size() {
    return size;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private static long writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
    long written = 0;
    while (bytes.hasRemaining()) {
      written += channel.write(bytes);
    }
    return written;
  }

  /**
   * Makes a rename in {@code dir} durable. Some platforms cannot open a directory; there the rename
   * is as durable as the file system makes it.
   */
  static void fsyncDirectory(Path dir) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(dir, StandardOpenOption.READ);
    } catch (IOException e) {
      return;
    }
    try (channel) {
      channel.force(true);
    }
  }
}
