package io.tributary.log.segment;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Names of a stream's segment files. A segment is named by its base offset, the offset of its first
 * record, as 20 zero-padded digits so that names sort like offsets: {@code
 * 00000000000000000000.log} holds the records and {@code 00000000000000000000.index} its sparse
 * index.
 */
public final class SegmentFiles {
  public static final String LOG_SUFFIX = ".log";
  public static final String INDEX_SUFFIX = ".index";
  private static final int DIGITS = 20;

  private SegmentFiles() {}

  public static Path log(Path streamDir, long baseOffset) {
    return streamDir.resolve(name(baseOffset) + LOG_SUFFIX);
  }

  public static Path index(Path streamDir, long baseOffset) {
    return streamDir.resolve(name(baseOffset) + INDEX_SUFFIX);
  }

  /** Base offsets of the segments in {@code streamDir}, ascending; empty when it does not exist. */
  public static long[] list(Path streamDir) throws IOException {
    return bases(streamDir, LOG_SUFFIX);
  }

  /** Base offsets of the index files in {@code streamDir}, ascending. */
  public static long[] listIndexes(Path streamDir) throws IOException {
    return bases(streamDir, INDEX_SUFFIX);
  }

  private static long[] bases(Path streamDir, String suffix) throws IOException {
    long[] bases = new long[16];
    int n = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(streamDir)) {
      for (Path file : files) {
        long base = parse(file.getFileName().toString(), suffix);
        if (base >= 0) {
          if (n == bases.length) {
            bases = Arrays.copyOf(bases, n * 2);
          }
          bases[n++] = base;
        }
      }
    } catch (NoSuchFileException e) {
      return new long[0];
    }
    long[] sorted = Arrays.copyOf(bases, n);
    Arrays.sort(sorted);
    return sorted;
  }

  private static String name(long baseOffset) {
    String digits = Long.toString(baseOffset);
    return "0".repeat(DIGITS - digits.length()) + digits;
  }

  /** The base offset a file name stands for, or -1 when it is not a segment file of that kind. */
  static long parse(String fileName, String suffix) {
    if (fileName.length() != DIGITS + suffix.length() || !fileName.endsWith(suffix)) {
      return -1;
    }
    for (int i = 0; i < DIGITS; i++) {
      if (fileName.charAt(i) < '0' || fileName.charAt(i) > '9') {
        return -1;
      }
    }
    try {
      return Long.parseLong(fileName, 0, DIGITS, 10);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
