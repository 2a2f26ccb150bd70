package io.tributary.log;

import io.tributary.api.Destination;
import io.tributary.api.EncodedBatch;
import io.tributary.api.FatalException;
import io.tributary.api.RetriableException;
import io.tributary.api.config.Config;
import io.tributary.api.config.ConfigField;
import io.tributary.api.config.ConfigSpec;
import io.tributary.api.config.ConfigType;
import io.tributary.api.config.Validator;
import io.tributary.api.offset.SourceOffset;
import io.tributary.api.offset.SourceOffsets;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The embedded log as a {@link Destination}, exactly-once: each {@link #write} appends the events
 * of all its batches (key and value as written by {@link io.tributary.api.envelope.EnvelopeWriter},
 * to the stream named by the event) and commits them with the last batch's offset in one
 * checkpoint, after forcing the data to the device. After a crash the log holds exactly the events
 * of the last commit and {@link #committedOffset()} is that commit's offset, so the source resumes
 * right after them.
 *
 * <p>Failures: I/O errors become {@link RetriableException}s naming the path (and saying so when
 * the disk is full); after one, {@link #committedOffset()} reflects what is durable, so restarting
 * the source from it loses and repeats nothing. A log locked by another process or with unreadable
 * committed data is a {@link FatalException}.
 *
 * <p>Threading: one writer thread at a time, as {@link Destination} requires.
 */
public final class LogDestination implements Destination {

  /** The configuration of the {@code log} destination. */
  public static final ConfigSpec SPEC =
      new ConfigSpec(
          List.of(
              ConfigField.builder("path", ConfigType.STRING)
                  .defaultValue("./data")
                  .group("Storage")
                  .description(
                      "Directory holding the logs; a pipeline writes to <path>/<pipeline name>.")
                  .validator(Validator.nonBlank())
                  .build(),
              ConfigField.builder("segment_bytes", ConfigType.INT)
                  .defaultValue((int) LogSettings.DEFAULT_SEGMENT_BYTES)
                  .group("Storage")
                  .description(
                      "Size in bytes at which a stream's segment file is closed and a new one"
                          + " begun; retention deletes whole segments.")
                  .validator(Validator.range(64 * 1024, Integer.MAX_VALUE))
                  .build(),
              ConfigField.builder("retention_bytes", ConfigType.STRING)
                  .group("Retention")
                  .description(
                      "Keep at most about this much per stream, e.g. 10GiB, 500MB or a number of"
                          + " bytes; the oldest closed segments are deleted first. Absent or -1:"
                          + " no size limit.")
                  .validator(LogDestination::checkRetentionBytes)
                  .build(),
              ConfigField.builder("retention", ConfigType.DURATION)
                  .group("Retention")
                  .description(
                      "Delete closed segments whose newest record is older than this, e.g. 7d."
                          + " Absent: keep forever.")
                  .validator(
                      v ->
                          v instanceof Duration d && (d.isZero() || d.isNegative())
                              ? "must be longer than 0 (leave it out to keep forever)"
                              : null)
                  .build()));

  private final LogWriter log;

  private LogDestination(LogWriter log) {
    this.log = log;
  }

  /**
   * Opens the log in {@code dir}, recovering it to its last commit.
   *
   * @throws FatalException when another process writes to it or its committed data is damaged
   * @throws RetriableException on other I/O failures
   */
  public static LogDestination open(Path dir, LogSettings settings) {
    try {
      return new LogDestination(LogWriter.open(dir, settings));
    } catch (IOException e) {
      throw failure(dir, e);
    }
  }

  /** Opens the log in {@code dir} with default settings (64 MiB segments, no retention). */
  public static LogDestination open(Path dir) {
    return open(dir, LogSettings.defaults());
  }

  /**
   * Opens the log of pipeline {@code pipelineName} as configured by a config parsed with {@link
   * #SPEC}.
   */
  public static LogDestination open(Config config, String pipelineName) {
    return open(directory(config, pipelineName), settings(config));
  }

  /** The log directory of a pipeline: {@code <path>/<pipeline name>} (the name made file-safe). */
  public static Path directory(Config config, String pipelineName) {
    return Path.of(config.getString("path")).resolve(DirectoryNames.encode(pipelineName));
  }

  static LogSettings settings(Config config) {
    OptionalLong maxBytes = OptionalLong.empty();
    if (config.has("retention_bytes") && !config.getString("retention_bytes").trim().equals("-1")) {
      maxBytes = OptionalLong.of(ByteSize.parse(config.getString("retention_bytes")).bytes());
    }
    Optional<Duration> maxAge = Optional.ofNullable(config.getDuration("retention"));
    return LogSettings.defaults()
        .withSegmentBytes(config.getInt("segment_bytes"))
        .withRetention(new Retention(maxBytes, maxAge));
  }

  private static String checkRetentionBytes(Object value) {
    if (!(value instanceof String text) || text.trim().equals("-1")) {
      return null;
    }
    try {
      ByteSize.parse(text);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  @Override
  public Optional<SourceOffset> committedOffset() {
    Optional<String> position;
    try {
      position = log.committedPosition();
    } catch (IOException e) {
      throw failure(log.directory(), e);
    }
    try {
      return position.map(SourceOffsets::decode);
    } catch (IllegalArgumentException e) {
      throw new FatalException(
          "the log at "
              + log.directory()
              + " holds an offset this version cannot read ("
              + e.getMessage()
              + "); use a matching Tributary version or start the log over",
          e);
    }
  }

  @Override
  public void write(List<EncodedBatch> batches) {
    if (batches.isEmpty()) {
      return;
    }
    try {
      for (EncodedBatch batch : batches) {
        log.append(batch.events());
      }
      log.commit(batches.getLast().offset().encode());
    } catch (IOException e) {
      throw failure(log.directory(), e);
    }
  }

  /** The log's directory. */
  public Path directory() {
    return log.directory();
  }

  /**
   * Deletes segments beyond the retention limits now (see {@link LogWriter#enforceRetention()});
   * for a timer, so that the age limit holds on an idle pipeline too. Call it from the writer
   * thread.
   *
   * @return how many segments were deleted
   */
  public int enforceRetention() {
    try {
      return log.enforceRetention();
    } catch (IOException e) {
      throw failure(log.directory(), e);
    }
  }

  @Override
  public void close() {
    log.close();
  }

  private static RuntimeException failure(Path dir, IOException e) {
    if (e instanceof LogLockedException) {
      return new FatalException(e.getMessage(), e);
    }
    if (e instanceof CorruptLogException) {
      return new FatalException(
          "the log at "
              + dir
              + " is damaged: "
              + e.getMessage()
              + "; restore it from a backup or move it aside to start over",
          e);
    }
    if (IoFailures.isDiskFull(e, dir)) {
      return new RetriableException(
          "the disk is full: cannot write the log at "
              + dir
              + " ("
              + IoFailures.describe(e)
              + "); free space on that disk or set the log path to another one",
          e);
    }
    return new RetriableException(
        "cannot write the log at " + dir + ": " + IoFailures.describe(e), e);
  }
}
