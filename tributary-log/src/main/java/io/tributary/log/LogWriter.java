package io.tributary.log;

import io.tributary.api.EncodedEvents;
import io.tributary.log.checkpoint.Checkpoint;
import io.tributary.log.checkpoint.CheckpointFile;
import io.tributary.log.segment.RecordBytes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32C;

/**
 * The single writer of a log directory. Records are {@linkplain #append appended} to their streams
 * and become durable and visible together, with a source position, at the next {@link #commit}:
 * that forces every touched segment to the device, then appends a checkpoint (position and every
 * stream's end offset) and forces it. A crash at any instant leaves exactly what the last
 * checkpoint describes, because {@link #open} cuts everything beyond it away.
 *
 * <p>One writer per directory, enforced with an OS file lock. After an I/O failure the writer
 * recovers from its files on the next call, as if reopened; {@link #committedPosition()} then tells
 * what is durable, so the caller resumes from there.
 *
 * <p>Not thread-safe: use from one thread at a time.
 */
public final class LogWriter implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LogWriter.class.getName());
  private static final int WRITE_BUFFER_BYTES = 512 * 1024;
  private static final int MAX_WRITE_BUFFERS = 16;

  private final LogLayout layout;
  private final LogSettings settings;
  private final FileChannel lockChannel;
  private final CRC32C crc = new CRC32C();
  private final RecordBytes record = new RecordBytes();
  private final WriteBuffers buffers = new WriteBuffers(WRITE_BUFFER_BYTES, MAX_WRITE_BUFFERS);
  private final Map<String, StreamLog> streams = new HashMap<>();
  private final List<StreamLog> uncommitted = new ArrayList<>();
  private final List<StreamLog> borrowers = new ArrayList<>();
  private CheckpointFile checkpoints;
  private Checkpoint committed;
  private boolean needsRecovery = true;
  private boolean closed;
  private long lastRetentionMs;

  private LogWriter(LogLayout layout, LogSettings settings, FileChannel lockChannel) {
    this.layout = layout;
    this.settings = settings;
    this.lockChannel = lockChannel;
  }

  /**
   * Opens (creating if needed) the log in {@code dir}, takes its lock and recovers it to its last
   * checkpoint.
   *
   * @throws LogLockedException when another process writes to it
   * @throws CorruptLogException when committed data cannot be read back
   */
  public static LogWriter open(Path dir, LogSettings settings) throws IOException {
    LogLayout layout = new LogLayout(dir);
    Files.createDirectories(dir);
    FileChannel lockChannel =
        FileChannel.open(layout.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    LogWriter writer = new LogWriter(layout, settings, lockChannel);
    try {
      writer.lock();
      writer.recover();
      return writer;
    } catch (IOException | RuntimeException e) {
      writer.closeQuietly();
      throw e;
    }
  }

  private void lock() throws IOException {
    FileLock lock;
    try {
      lock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new LogLockedException(layout.dir());
    }
  }

  /** Rebuilds the in-memory state from the files, cutting them back to the last checkpoint. */
  private void recover() throws IOException {
    discardState();
    LogRecovery.Recovered recovered = LogRecovery.recover(layout, settings);
    streams.putAll(recovered.streams());
    checkpoints = recovered.checkpoints();
    committed = recovered.committed().orElse(null);
    lastRetentionMs = settings.clock().millis();
    needsRecovery = false;
  }

  /**
   * Appends a record to {@code stream} (created on first use). It is neither durable nor visible to
   * readers until the next {@link #commit}, and is dropped if the process dies first.
   *
   * @return the record's offset in the stream
   * @throws IllegalArgumentException when the stream name is empty or too long, or the record too
   *     large
   */
  public long append(String stream, long timestampMs, byte[] key, byte[] value) throws IOException {
    return append(stream, timestampMs, record.set(key, value));
  }

  /**
   * Appends every event of {@code events} to its stream, as {@link #append(String, long, byte[],
   * byte[])} does one by one.
   */
  public void append(EncodedEvents events) throws IOException {
    byte[] bytes = events.bytes();
    for (int i = 0; i < events.size(); i++) {
      append(
          events.stream(i),
          events.timestampMs(i),
          record.set(
              bytes,
              events.keyOffset(i),
              events.keyLength(i),
              bytes,
              events.valueOffset(i),
              events.valueLength(i)));
    }
  }

  private long append(String stream, long timestampMs, RecordBytes record) throws IOException {
    int recordSize = record.recordSize();
    ensureRecovered();
    StreamLog log = streams.get(stream);
    if (log == null) {
      log = createStream(stream);
    }
    try {
      if (log.end() == log.committedEnd()) {
        uncommitted.add(log);
      }
      if (!log.hasBuffer()) {
        log.lend(takeBuffer());
        borrowers.add(log);
      }
      return log.append(crc, timestampMs, record, recordSize);
    } catch (IOException e) {
      needsRecovery = true;
      throw e;
    }
  }

  /** A new stream; its directory is created with its first segment. */
  private StreamLog createStream(String name) {
    StreamLog log = StreamLog.empty(name, layout.stream(name), settings);
    streams.put(name, log);
    return log;
  }

  private ByteBuffer takeBuffer() throws IOException {
    ByteBuffer buffer = buffers.take();
    if (buffer == null) {
      returnBuffers();
      buffer = buffers.take();
    }
    return buffer;
  }

  private void returnBuffers() throws IOException {
    for (StreamLog log : borrowers) {
      buffers.give(log.giveBack());
    }
    borrowers.clear();
  }

  /**
   * Makes every append since the last commit durable and visible, together with {@code position}.
   * Returns once all of it is on the device. Without appends, writes the checkpoint only if the
   * position changed.
   *
   * @param position the source position reached, stored as is and returned by {@link
   *     #committedPosition()}
   */
  public void commit(String position) throws IOException {
    Objects.requireNonNull(position, "position");
    ensureRecovered();
    if (uncommitted.isEmpty() && committed != null && committed.position().equals(position)) {
      return;
    }
    try {
      for (StreamLog log : uncommitted) {
        log.sync();
      }
      returnBuffers();
      Checkpoint next = nextCheckpoint(position);
      try {
        checkpoints.append(next);
      } catch (IOException e) {
        throw IoFailures.at(layout.checkpoints(), "appending to", e);
      }
      committed = next;
    } catch (IOException e) {
      needsRecovery = true;
      throw e;
    }
    boolean rolled = false;
    for (StreamLog log : uncommitted) {
      log.markCommitted();
      rolled |= log.takeRolled();
    }
    uncommitted.clear();
    afterCommit(rolled);
  }

  private Checkpoint nextCheckpoint(String position) {
    Map<String, Long> ends = new HashMap<>(streams.size() * 2);
    for (StreamLog log : streams.values()) {
      if (log.end() > 0) {
        ends.put(log.name(), log.end());
      }
    }
    long sequence = committed == null ? 1 : committed.sequence() + 1;
    return new Checkpoint(sequence, settings.clock().millis(), position, ends);
  }

  /** Housekeeping once a commit is durable; its failures do not undo the commit. */
  private void afterCommit(boolean rolled) {
    if (checkpoints.shouldCompact(settings.checkpointCompactBytes())) {
      try {
        checkpoints.compact(committed);
      } catch (IOException e) {
        // The old file may be renamed away already; reopening is the safe way on.
        needsRecovery = true;
        LOG.log(System.Logger.Level.WARNING, "compacting " + layout.checkpoints() + " failed", e);
      }
    }
    long now = settings.clock().millis();
    if (!settings.retention().keepsAll()
        && (rolled || now - lastRetentionMs >= settings.retentionCheckInterval().toMillis())) {
      try {
        enforceRetention();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "deleting old segments failed; will retry", e);
      }
    }
  }

  /**
   * Deletes closed segments beyond the retention limits now. Runs by itself after commits (at most
   * once per {@link LogSettings#retentionCheckInterval()}, and whenever a segment was closed); call
   * it from a timer to enforce the age limit on an idle log.
   *
   * @return how many segments were deleted
   * @throws IllegalStateException when there are uncommitted appends
   */
  public int enforceRetention() throws IOException {
    ensureRecovered();
    if (!uncommitted.isEmpty()) {
      throw new IllegalStateException("retention runs only when all appends are committed");
    }
    lastRetentionMs = settings.clock().millis();
    int deleted = 0;
    for (StreamLog log : streams.values()) {
      deleted += log.enforce(settings.retention(), lastRetentionMs);
    }
    return deleted;
  }

  /** The position stored by the last commit, or empty when nothing was ever committed. */
  public Optional<String> committedPosition() throws IOException {
    ensureRecovered();
    return Optional.ofNullable(committed).map(Checkpoint::position);
  }

  /** The committed end of {@code stream}: the offset its next committed record will get. */
  public long endOffset(String stream) throws IOException {
    ensureRecovered();
    return committed == null ? 0 : committed.end(stream);
  }

  /** The oldest offset {@code stream} still holds (after retention). */
  public long startOffset(String stream) throws IOException {
    ensureRecovered();
    StreamLog log = streams.get(stream);
    return log == null ? 0 : log.startOffset();
  }

  /** Names of the streams with committed records. */
  public Set<String> streams() throws IOException {
    ensureRecovered();
    return committed == null ? Set.of() : new TreeSet<>(committed.ends().keySet());
  }

  public Path directory() {
    return layout.dir();
  }

  private void ensureRecovered() throws IOException {
    if (closed) {
      throw new IllegalStateException("the log writer of " + layout.dir() + " is closed");
    }
    if (needsRecovery) {
      recover();
    }
  }

  /** Closes files and drops state; uncommitted appends stay on disk until the next recovery. */
  private void discardState() {
    for (StreamLog log : borrowers) {
      buffers.give(log.dropBuffer());
    }
    for (StreamLog log : streams.values()) {
      try {
        log.close();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.DEBUG, "closing " + log.name() + " failed", e);
      }
    }
    streams.clear();
    uncommitted.clear();
    borrowers.clear();
    if (checkpoints != null) {
      try {
        checkpoints.close();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.DEBUG, "closing checkpoint file failed", e);
      }
      checkpoints = null;
    }
    needsRecovery = true;
  }

  private void closeQuietly() {
    discardState();
    try {
      lockChannel.close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "closing lock file failed", e);
    }
  }

  /** Closes the log and releases its lock. Uncommitted appends are dropped. */
  @Override
  public void close() {
    closed = true;
    closeQuietly();
  }
}
