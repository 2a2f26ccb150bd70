package io.tributary.log.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Finds the latest valid checkpoint in a checkpoint file, incrementally: each {@link #refresh()}
 * reads only what was appended since the last one, and nothing at all when the file's identity,
 * size and modification time are unchanged. Reading stops at the first incomplete or CRC-bad
 * record, so a torn append is never taken for a commit; the writer and every reader agree on that
 * rule, hence on what is committed.
 *
 * <p>Safe to use while another process appends to or replaces the file: appends only add records
 * after the ones read, and a compaction replaces the file by an atomic rename, detected by its new
 * generation. Not thread-safe.
 */
public final class CheckpointScanner {
  private final Path file;
  private final CRC32C crc = new CRC32C();
  private Object fileKey;
  private long fileSize = -1;
  private FileTime modified;
  private boolean haveGeneration;
  private long generation;
  private long scanned;
  private Checkpoint latest;

  public CheckpointScanner(Path file) {
    this.file = file;
  }

  /** The latest valid checkpoint seen by the last {@link #refresh()}, if any. */
  public Optional<Checkpoint> latest() {
    return Optional.ofNullable(latest);
  }

  /** Reads new checkpoints; true when the latest one changed. */
  public boolean refresh() throws IOException {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return forget();
    }
    if (Objects.equals(attrs.fileKey(), fileKey)
        && attrs.size() == fileSize
        && attrs.lastModifiedTime().equals(modified)) {
      return false;
    }
    Checkpoint before = latest;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      readFrom(channel);
    } catch (NoSuchFileException e) {
      return forget();
    }
    // Remember what was seen before reading: if the file grew meanwhile, the next call reads again.
    fileKey = attrs.fileKey();
    fileSize = attrs.size();
    modified = attrs.lastModifiedTime();
    return !Objects.equals(before, latest);
  }

  private boolean forget() {
    boolean changed = latest != null;
    latest = null;
    haveGeneration = false;
    fileKey = null;
    fileSize = -1;
    modified = null;
    return changed;
  }

  private void readFrom(FileChannel channel) throws IOException {
    long size = channel.size();
    ByteBuffer header = ByteBuffer.allocate(CheckpointCodec.HEADER_BYTES);
    readFully(channel, header, 0);
    if (header.position() < CheckpointCodec.HEADER_BYTES
        || header.getLong(0) != CheckpointCodec.MAGIC) {
      throw new IOException(
          file
              + " is not a Tributary checkpoint file (bad header); restore it from a backup or"
              + " move the log directory aside to start over");
    }
    long gen = header.getLong(8);
    if (!haveGeneration || gen != generation || size < scanned) {
      haveGeneration = true;
      generation = gen;
      scanned = CheckpointCodec.HEADER_BYTES;
      latest = null;
    }
    if (size <= scanned) {
      return;
    }
    if (size - scanned > Integer.MAX_VALUE - 16) {
      throw new IOException(file + " is too large to be a checkpoint file: " + size + " bytes");
    }
    ByteBuffer tail = ByteBuffer.allocate((int) (size - scanned));
    readFully(channel, tail, scanned);
    scan(tail.array(), tail.position());
  }

  private void scan(byte[] bytes, int limit) throws IOException {
    int at = 0;
    int lastStart = -1;
    int lastLength = 0;
    int length;
    while ((length = CheckpointCodec.validRecordLength(bytes, at, limit, crc)) > 0) {
      lastStart = at;
      lastLength = length;
      at += length;
    }
    if (lastStart >= 0) {
      latest = CheckpointCodec.decode(bytes, lastStart, lastLength);
    }
    scanned += at;
  }

  private static void readFully(FileChannel channel, ByteBuffer into, long position)
      throws IOException {
    while (into.hasRemaining()) {
      if (channel.read(into, position + into.position()) < 0) {
        return;
      }
    }
  }
}
