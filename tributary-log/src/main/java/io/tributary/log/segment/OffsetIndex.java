package io.tributary.log.segment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The sparse index of one segment: a sequence of 8-byte entries {@code (int32 relativeOffset, int32
 * position)}, one every few KiB of log, ascending in both. Finding an offset costs a binary search
 * over the index plus a short scan of the log.
 *
 * <p>The index is only an optimisation and is never trusted: it is written without fsync, so after
 * a crash it may be short, long or garbled. {@link #lookup} returns a candidate that the caller
 * checks against the record found there, falling back to the segment start; the writer rebuilds an
 * index it finds implausible.
 */
public final class OffsetIndex {
  public static final int ENTRY_BYTES = 8;

  private OffsetIndex() {}

  /**
   * One index entry: the record at {@code baseOffset + relativeOffset} starts at {@code position}.
   */
  public record Entry(int relativeOffset, int position) {
    /** The entry of a segment's first record, which the index does not store. */
    public static final Entry START = new Entry(0, 0);
  }

  /**
   * The last entry at or before {@code relativeOffset}, or {@link Entry#START} when there is none
   * or the index file is missing. Unverified: check the record at the returned position.
   */
  public static Entry lookup(Path indexFile, long relativeOffset) throws IOException {
    try (FileChannel index = FileChannel.open(indexFile, StandardOpenOption.READ)) {
      return lookup(index, relativeOffset);
    } catch (NoSuchFileException e) {
      return Entry.START;
    }
  }

  private static Entry lookup(FileChannel index, long relativeOffset) throws IOException {
    ByteBuffer entry = ByteBuffer.allocate(ENTRY_BYTES);
    long low = 0;
    long high = index.size() / ENTRY_BYTES - 1;
    Entry best = Entry.START;
    while (low <= high) {
      long mid = (low + high) >>> 1;
      Entry e = read(index, mid, entry);
      if (e == null) {
        return best;
      }
      if (e.relativeOffset() <= relativeOffset) {
        best = e;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return best;
  }

  /** The last entry of the index, {@link Entry#START} if it is empty, or null if unreadable. */
  public static Entry last(FileChannel index) throws IOException {
    long entries = index.size() / ENTRY_BYTES;
    return entries == 0 ? Entry.START : read(index, entries - 1, ByteBuffer.allocate(ENTRY_BYTES));
  }

  private static Entry read(FileChannel index, long entry, ByteBuffer into) throws IOException {
    into.clear();
    long at = entry * ENTRY_BYTES;
    while (into.hasRemaining()) {
      if (index.read(into, at + into.position()) < 0) {
        return null;
      }
    }
    return new Entry(into.getInt(0), into.getInt(4));
  }

  /** Appends an entry to a buffer of pending entries. */
  public static void put(ByteBuffer pending, long relativeOffset, long position) {
    pending.putInt((int) relativeOffset).putInt((int) position);
  }
}
