package io.tributary.log;

import io.tributary.log.checkpoint.Checkpoint;
import io.tributary.log.checkpoint.CheckpointFile;
import io.tributary.log.checkpoint.CheckpointScanner;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Brings a whole log directory back to its last valid checkpoint, for the writer: reads the
 * checkpoint file (a torn or CRC-bad tail is ignored), recovers every stream it names to its end
 * (see {@link StreamRecovery}), deletes streams it does not name, and rewrites the checkpoint file
 * so that nothing invalid remains after its last record.
 *
 * <p>Idempotent: a crash during recovery is followed by the same recovery.
 */
final class LogRecovery {

  /**
   * The recovered log, ready to append to.
   *
   * @param committed the last checkpoint, empty if there was none
   * @param streams every stream the checkpoint names, at its committed end
   * @param checkpoints the rewritten checkpoint file, open for appending
   */
  record Recovered(
      Optional<Checkpoint> committed, Map<String, StreamLog> streams, CheckpointFile checkpoints) {}

  private LogRecovery() {}

  /**
   * @throws CorruptLogException when committed data cannot be read back, or the checkpoint file is
   *     missing while streams exist (then nothing would count as committed; refusing beats
   *     deleting)
   */
  static Recovered recover(LogLayout layout, LogSettings settings) throws IOException {
    CheckpointScanner scanner = new CheckpointScanner(layout.checkpoints());
    scanner.refresh();
    Optional<Checkpoint> latest = scanner.latest();
    requireCheckpointsIfStreamsExist(layout);
    Files.createDirectories(layout.streams());
    Map<String, StreamLog> streams = new HashMap<>();
    try {
      recoverStreams(layout, settings, latest, streams);
      CheckpointFile checkpoints = CheckpointFile.rewrite(layout.dir(), latest);
      Directories.fsync(layout.streams());
      Directories.fsync(layout.dir());
      return new Recovered(latest, streams, checkpoints);
    } catch (IOException | RuntimeException e) {
      for (StreamLog log : streams.values()) {
        closeQuietly(log, e);
      }
      throw e;
    }
  }

  private static void requireCheckpointsIfStreamsExist(LogLayout layout) throws IOException {
    if (Files.exists(layout.checkpoints()) || !Files.isDirectory(layout.streams())) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.streams())) {
      if (entries.iterator().hasNext()) {
        throw new CorruptLogException(
            layout.checkpoints()
                + " is missing but "
                + layout.streams()
                + " holds streams;"
                + " restore the file, or delete "
                + layout.dir()
                + " to start the log over");
      }
    }
  }

  private static void recoverStreams(
      LogLayout layout,
      LogSettings settings,
      Optional<Checkpoint> latest,
      Map<String, StreamLog> streams)
      throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.streams())) {
      for (Path entry : entries) {
        String name = DirectoryNames.decode(entry.getFileName().toString());
        if (name == null || !Files.isDirectory(entry)) {
          continue; // not ours: leave it alone
        }
        long end = latest.map(c -> c.end(name)).orElse(0L);
        if (end == 0) {
          Directories.deleteRecursively(entry);
        } else {
          streams.put(name, StreamRecovery.recover(name, entry, end, settings));
        }
      }
    }
    // Streams whose directory vanished keep their offsets: they continue, empty, at their end.
    for (Map.Entry<String, Long> e : latest.map(Checkpoint::ends).orElse(Map.of()).entrySet()) {
      if (!streams.containsKey(e.getKey()) && e.getValue() > 0) {
        Path dir = layout.stream(e.getKey());
        streams.put(e.getKey(), StreamRecovery.recover(e.getKey(), dir, e.getValue(), settings));
      }
    }
  }

  private static void closeQuietly(StreamLog log, Exception failure) {
    try {
      log.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
