package io.tributary.api;

import io.tributary.api.json.JsonWriter;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Encoded events packed into one byte buffer: what a batch carries from a source to a destination.
 * Thousands of events stay a handful of objects, so batches waiting in queues cost the garbage
 * collector next to nothing. Each event is its stream, timestamp, key bytes (or none) and value
 * bytes, laid out key then value, event after event.
 *
 * <p>Filled by one thread, then handed over and only read: not thread-safe, and not to be changed
 * once handed over.
 */
public final class EncodedEvents {
  private static final int NO_KEY = -1;

  private static final BufferPool POOL = new BufferPool(16 << 20, 8);

  private JsonWriter data;
  private String[] streams;
  private long[] timestamps;
  private int[] starts;
  private int[] keyLengths;
  private int count;

  /** Where the last event recorded ends in the buffer. */
  private int end;

  public EncodedEvents() {
    this(16, 4096);
  }

  /** An empty set sized for about {@code events} events of {@code bytes} bytes in all. */
  public EncodedEvents(int events, int bytes) {
    int n = Math.max(1, events);
    data = new JsonWriter(POOL.take(Math.max(16, bytes)));
    streams = new String[n];
    timestamps = new long[n];
    starts = new int[n];
    keyLengths = new int[n];
  }

  /** A packed copy of {@code events}. */
  public static EncodedEvents of(List<EncodedEvent> events) {
    EncodedEvents out = new EncodedEvents(events.size(), 256 * events.size());
    events.forEach(out::add);
    return out;
  }

  /** Appends a copy of {@code event}. */
  public void add(EncodedEvent event) {
    add(event.stream(), event.timestampMs(), event.key(), event.value());
  }

  /** Appends an event, copying its key (may be null) and value. */
  public void add(String stream, long timestampMs, byte[] key, byte[] value) {
    int start = data.length();
    if (key != null) {
      data.bytes(key);
    }
    data.bytes(value);
    added(stream, timestampMs, start, key == null ? NO_KEY : key.length);
  }

  /**
   * The buffer, for writing an event in place: note {@code start = buffer().length()}, write the
   * key and note {@code valueStart}, write the value, then call {@link #written}. Only appending
   * writes are allowed.
   */
  public JsonWriter buffer() {
    if (data == null) {
      throw new IllegalStateException("the events were released");
    }
    return data;
  }

  /**
   * Records the event written into {@link #buffer()} since {@code start}: its key from {@code
   * start} to {@code valueStart} (or none when {@code hasKey} is false, and then {@code start ==
   * valueStart}), its value from there to the buffer's end.
   */
  public void written(String stream, long timestampMs, int start, int valueStart, boolean hasKey) {
    if ((hasKey ? valueStart < start : valueStart != start) || valueStart > data.length()) {
      throw new IllegalArgumentException(
          "the value must follow the key and lie in the buffer (start "
              + start
              + ", value start "
              + valueStart
              + ", buffer length "
              + data.length()
              + ")");
    }
    added(stream, timestampMs, start, hasKey ? valueStart - start : NO_KEY);
  }

  private void added(String stream, long timestampMs, int start, int keyLength) {
    Objects.requireNonNull(stream, "stream");
    if (start != end || data.length() < start) {
      throw new IllegalArgumentException("events must be written one after the other");
    }
    if (count == streams.length) {
      int n = count * 2;
      streams = Arrays.copyOf(streams, n);
      timestamps = Arrays.copyOf(timestamps, n);
      starts = Arrays.copyOf(starts, n);
      keyLengths = Arrays.copyOf(keyLengths, n);
    }
    streams[count] = stream;
    timestamps[count] = timestampMs;
    starts[count] = start;
    keyLengths[count] = keyLength;
    count++;
    end = data.length();
  }

  /** Drops the last event, e.g. to append it again changed. */
  public void removeLast() {
    if (count == 0) {
      throw new IllegalStateException("no event to remove");
    }
    count--;
    end = starts[count];
    data.truncate(end);
    streams[count] = null;
  }

  /**
   * Hands the buffer back for reuse by later batches, once the events are written and nobody will
   * read them again: buffers of megabytes recycled instead of left to the garbage collector keep a
   * large backlog from costing GC time. Reading or adding events afterwards fails; {@link #size()}
   * and {@link #byteSize()} still answer.
   */
  public void release() {
    JsonWriter d = data;
    if (d != null) {
      data = null;
      POOL.give(d.buffer());
    }
  }

  public int size() {
    return count;
  }

  /** The bytes the events take: keys and values, without per-event bookkeeping. */
  public int byteSize() {
    return end;
  }

  public boolean isEmpty() {
    return count == 0;
  }

  /** The bytes all events lie in; see the offsets and lengths of each. */
  public byte[] bytes() {
    return data.buffer();
  }

  public String stream(int i) {
    return streams[check(i)];
  }

  public long timestampMs(int i) {
    return timestamps[check(i)];
  }

  /** Whether event {@code i} has a key. */
  public boolean hasKey(int i) {
    return keyLengths[check(i)] != NO_KEY;
  }

  public int keyOffset(int i) {
    return starts[check(i)];
  }

  /** The key's length, or -1 without a key. */
  public int keyLength(int i) {
    return keyLengths[check(i)];
  }

  public int valueOffset(int i) {
    return starts[check(i)] + Math.max(0, keyLengths[i]);
  }

  public int valueLength(int i) {
    return end(check(i)) - valueOffset(i);
  }

  /** Event {@code i} as an object with its own copies of the bytes. */
  public EncodedEvent get(int i) {
    byte[] b = data.buffer();
    byte[] key =
        hasKey(i) ? Arrays.copyOfRange(b, keyOffset(i), keyOffset(i) + keyLength(i)) : null;
    int v = valueOffset(i);
    byte[] value = Arrays.copyOfRange(b, v, v + valueLength(i));
    return new EncodedEvent(streams[i], key, value, timestamps[i]);
  }

  /** The events as a list of objects, each made on access by {@link #get}. */
  public List<EncodedEvent> asList() {
    return new AbstractList<>() {
      @Override
      public EncodedEvent get(int i) {
        return EncodedEvents.this.get(i);
      }

      @Override
      public int size() {
        return count;
      }
    };
  }

  /** Where event {@code i} ends: the next one's start, or the last event's end. */
  private int end(int i) {
    return i + 1 < count ? starts[i + 1] : end;
  }

  private int check(int i) {
    if (data == null) {
      throw new IllegalStateException("the events were released");
    }
    Objects.checkIndex(i, count);
    return i;
  }
}
