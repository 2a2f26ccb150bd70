package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EncodedEventsTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static EncodedEvent event(String stream, String key, String value, long ts) {
    return new EncodedEvent(stream, key == null ? null : utf8(key), utf8(value), ts);
  }

  /** A mix of events: with a key, without one, with an empty key, with an empty value. */
  private static List<EncodedEvent> sample() {
    return List.of(
        event("s.a", "{\"id\":1}", "{\"after\":{\"id\":1}}", 10),
        event("s.b", null, "{\"after\":{\"x\":\"ë\"}}", 11),
        event("s.a", "{\"id\":2}", "", 12),
        event("s.c", "", "{}", 13),
        event("s.c", null, "", -1),
        event("s.a", "{\"id\":3}", "{\"after\":{\"id\":3}}", Long.MAX_VALUE));
  }

  /** Writes {@code e} into the buffer in place, the way a source encoding events does. */
  private static void writeInPlace(EncodedEvents out, EncodedEvent e) {
    JsonWriter buffer = out.buffer();
    int start = buffer.length();
    if (e.key() != null) {
      buffer.bytes(e.key());
    }
    int valueStart = buffer.length();
    buffer.bytes(e.value());
    out.written(e.stream(), e.timestampMs(), start, valueStart, e.key() != null);
  }

  private static void assertSameEvent(EncodedEvent actual, EncodedEvent expected) {
    assertThat(actual.stream()).isEqualTo(expected.stream());
    assertThat(actual.timestampMs()).isEqualTo(expected.timestampMs());
    if (expected.key() == null) {
      assertThat(actual.key()).isNull();
    } else {
      assertThat(actual.key()).isNotNull().containsExactly(expected.key());
    }
    assertThat(actual.value()).containsExactly(expected.value());
  }

  private static void assertHolds(EncodedEvents events, List<EncodedEvent> expected) {
    assertThat(events.size()).isEqualTo(expected.size());
    assertThat(events.isEmpty()).isEqualTo(expected.isEmpty());
    List<EncodedEvent> list = events.asList();
    assertThat(list).hasSize(expected.size());
    byte[] bytes = events.bytes();
    for (int i = 0; i < expected.size(); i++) {
      EncodedEvent e = expected.get(i);
      assertSameEvent(events.get(i), e);
      assertSameEvent(list.get(i), e);
      assertThat(events.stream(i)).isEqualTo(e.stream());
      assertThat(events.timestampMs(i)).isEqualTo(e.timestampMs());
      assertThat(events.hasKey(i)).isEqualTo(e.key() != null);
      if (e.key() == null) {
        assertThat(events.keyLength(i)).isEqualTo(-1);
      } else {
        assertThat(events.keyLength(i)).isEqualTo(e.key().length);
        assertThat(
                Arrays.copyOfRange(
                    bytes, events.keyOffset(i), events.keyOffset(i) + events.keyLength(i)))
            .containsExactly(e.key());
      }
      assertThat(events.valueLength(i)).isEqualTo(e.value().length);
      assertThat(
              Arrays.copyOfRange(
                  bytes, events.valueOffset(i), events.valueOffset(i) + events.valueLength(i)))
          .containsExactly(e.value());
    }
  }

  @Test
  void anEmptySetHasNoEvents() {
    EncodedEvents events = new EncodedEvents();

    assertThat(events.size()).isZero();
    assertThat(events.isEmpty()).isTrue();
    assertThat(events.asList()).isEmpty();
    assertThatThrownBy(() -> events.get(0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> events.stream(0)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void readsBackEventsAdded() {
    EncodedEvents events = new EncodedEvents();
    sample().forEach(events::add);

    assertHolds(events, sample());
  }

  @Test
  void readsBackEventsWrittenInPlace() {
    EncodedEvents events = new EncodedEvents();
    sample().forEach(e -> writeInPlace(events, e));

    assertHolds(events, sample());
  }

  @Test
  void eventsAddedAndWrittenInPlaceLieInTheSameBytes() {
    EncodedEvents added = new EncodedEvents();
    EncodedEvents written = new EncodedEvents();
    sample().forEach(added::add);
    sample().forEach(e -> writeInPlace(written, e));

    int length = added.buffer().length();
    assertThat(written.buffer().length()).isEqualTo(length);
    assertThat(Arrays.copyOf(written.bytes(), length))
        .containsExactly(Arrays.copyOf(added.bytes(), length));
    for (int i = 0; i < sample().size(); i++) {
      assertThat(written.keyOffset(i)).isEqualTo(added.keyOffset(i));
      assertThat(written.valueOffset(i)).isEqualTo(added.valueOffset(i));
    }
  }

  @Test
  void mixesBothWaysOfAddingEvents() {
    EncodedEvents events = new EncodedEvents();
    List<EncodedEvent> sample = sample();
    for (int i = 0; i < sample.size(); i++) {
      if (i % 2 == 0) {
        events.add(sample.get(i));
      } else {
        writeInPlace(events, sample.get(i));
      }
    }

    assertHolds(events, sample);
  }

  @Test
  void tellsAnEmptyKeyFromNoKey() {
    EncodedEvents events = new EncodedEvents();
    events.add("s", 1, new byte[0], utf8("v"));
    events.add("s", 2, null, utf8("v"));
    JsonWriter buffer = events.buffer();
    int start = buffer.length();
    buffer.raw("w");
    events.written("s", 3, start, start, true); // a key of no bytes

    assertThat(events.hasKey(0)).isTrue();
    assertThat(events.get(0).key()).isEmpty();
    assertThat(events.hasKey(1)).isFalse();
    assertThat(events.get(1).key()).isNull();
    assertThat(events.hasKey(2)).isTrue();
    assertThat(events.keyLength(2)).isZero();
    assertThat(events.get(2).key()).isEmpty();
    assertThat(events.get(2).value()).containsExactly(utf8("w"));
  }

  @Test
  void getCopiesTheBytes() {
    EncodedEvents events = new EncodedEvents();
    events.add(event("s", "k", "v", 1));
    EncodedEvent first = events.get(0);
    first.value()[0] = 'X';
    first.key()[0] = 'X';

    assertSameEvent(events.get(0), event("s", "k", "v", 1));
  }

  @Test
  void ofPacksAListOfEvents() {
    EncodedEvents events = EncodedEvents.of(sample());

    assertHolds(events, sample());
    assertThat(EncodedEvents.of(List.of()).isEmpty()).isTrue();
  }

  @Test
  void rejectsAValueThatDoesNotFollowTheKey() {
    EncodedEvents events = new EncodedEvents();
    JsonWriter buffer = events.buffer();
    buffer.raw("keyvalue");

    assertThatThrownBy(() -> events.written("s", 1, 3, 2, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("value must follow the key");
    assertThatThrownBy(() -> events.written("s", 1, 0, 3, false))
        .as("without a key the value starts where the event does")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("value must follow the key");
    assertThat(events.size()).isZero();

    events.written("s", 1, 0, 3, true);
    assertSameEvent(events.get(0), event("s", "key", "value", 1));
  }

  @Test
  void rejectsEventsThatAreNotWrittenOneAfterTheOther() {
    EncodedEvents events = new EncodedEvents();
    events.add(event("s", "k1", "v1", 1)); // ends at 4
    JsonWriter buffer = events.buffer();
    buffer.raw("k2v2");

    assertThatThrownBy(() -> events.written("s", 2, 5, 6, true))
        .as("a gap after the last event")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one after the other");
    assertThatThrownBy(() -> events.written("s", 2, 3, 6, true))
        .as("overlapping the last event")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one after the other");
    assertThatThrownBy(() -> events.written("s", 2, 0, 0, false))
        .as("from the start again")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one after the other");
    assertThat(events.size()).isEqualTo(1);

    events.written("s", 2, 4, 6, true);
    assertHolds(events, List.of(event("s", "k1", "v1", 1), event("s", "k2", "v2", 2)));
  }

  @Test
  void rejectsANullStream() {
    EncodedEvents events = new EncodedEvents();
    events.buffer().raw("v");

    assertThatThrownBy(() -> events.written(null, 1, 0, 0, false))
        .isInstanceOf(NullPointerException.class);
    assertThat(events.size()).isZero();
  }

  @Test
  void rejectsAValueStartPastTheBuffersEnd() {
    EncodedEvents events = new EncodedEvents();
    events.buffer().raw("abc");

    assertThatThrownBy(() -> events.written("s", 1, 0, 5, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(events.size()).isZero();
  }

  @Test
  void removesTheLastEventSoItCanBeWrittenAgain() {
    EncodedEvents events = new EncodedEvents();
    List<EncodedEvent> sample = sample();
    sample.forEach(events::add);
    int lengthBeforeLast = events.keyOffset(sample.size() - 1);

    events.removeLast();

    assertThat(events.buffer().length()).isEqualTo(lengthBeforeLast);
    assertHolds(events, sample.subList(0, sample.size() - 1));

    EncodedEvent changed = event("s.z", "{\"id\":99}", "{\"changed\":true}", 99);
    writeInPlace(events, changed);
    List<EncodedEvent> expected = new ArrayList<>(sample.subList(0, sample.size() - 1));
    expected.add(changed);
    assertHolds(events, expected);

    events.removeLast();
    EncodedEvent other = event("s.y", null, "{}", 100);
    events.add(other);
    expected.set(expected.size() - 1, other);
    assertHolds(events, expected);
  }

  @Test
  void removesEveryEventDownToNone() {
    EncodedEvents events = new EncodedEvents();
    events.add(event("s", "k", "v", 1));
    events.add(event("s", null, "w", 2));
    events.removeLast();
    events.removeLast();

    assertThat(events.isEmpty()).isTrue();
    assertThat(events.buffer().length()).isZero();
    assertThatThrownBy(events::removeLast).isInstanceOf(IllegalStateException.class);

    events.add(event("t", null, "x", 3));
    assertHolds(events, List.of(event("t", null, "x", 3)));
  }

  @Test
  void anyUseOfTheBytesAfterReleaseFails() {
    EncodedEvents events = new EncodedEvents();
    events.add(event("s", "k", "v", 1));
    events.release();

    assertThatThrownBy(() -> events.get(0)).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> events.asList().get(0)).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(events::bytes).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> events.add(event("s", "k", "v", 2)))
        .isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> events.written("s", 2, 0, 0, false))
        .isInstanceOf(RuntimeException.class);
    assertThatThrownBy(events::removeLast).isInstanceOf(RuntimeException.class);

    events.release(); // a second release does no harm
  }

  @Test
  void readingEventsFailsAfterReleaseButTheirCountStays() {
    EncodedEvents events = new EncodedEvents();
    events.add(event("s", "k", "v", 1));
    events.release();

    assertThat(events.size()).isEqualTo(1);
    assertThat(events.byteSize()).isEqualTo(2);
    assertThatThrownBy(() -> events.stream(0)).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> events.valueOffset(0)).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(events::buffer).isInstanceOf(RuntimeException.class);
  }

  @Test
  void aReleasedLargeBufferIsReusedByTheNextSetOfThatSize() {
    int bytes = 3 * BufferPool.MIN_POOLED;
    EncodedEvents first = new EncodedEvents(4, bytes);
    first.add(event("s", "k", "v", 1));
    byte[] buffer = first.bytes();
    assertThat(buffer.length).isGreaterThanOrEqualTo(bytes);
    first.release();

    EncodedEvents second = new EncodedEvents(4, bytes);
    try {
      assertThat(second.bytes()).isSameAs(buffer);
      assertThat(second.isEmpty()).isTrue();
      assertThat(second.buffer().length()).isZero();
      second.add(event("t", null, "w", 2));
      assertHolds(second, List.of(event("t", null, "w", 2)));
    } finally {
      second.release();
    }
  }

  @Test
  void growsPastItsInitialCapacityWithManyEvents() {
    EncodedEvents events = new EncodedEvents(1, 16);
    Random random = new Random(42);
    List<EncodedEvent> expected = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      String key = i % 3 == 0 ? null : "{\"id\":" + i + "}";
      String value = "{\"n\":" + i + ",\"pad\":\"" + "x".repeat(random.nextInt(50)) + "\"}";
      EncodedEvent e = event("s" + (i % 7), key, value, i);
      expected.add(e);
      if (i % 2 == 0) {
        events.add(e);
      } else {
        writeInPlace(events, e);
      }
    }

    assertHolds(events, expected);
  }

  @Test
  void growsPastItsInitialCapacityWithLargeValues() {
    EncodedEvents events = new EncodedEvents(2, 16);
    List<EncodedEvent> expected = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < 5; i++) {
      byte[] value = new byte[(1 << 20) + i];
      random.nextBytes(value);
      byte[] key = new byte[100_000 * i];
      random.nextBytes(key);
      EncodedEvent e = new EncodedEvent("big", i % 2 == 0 ? key : null, value, i);
      expected.add(e);
      if (i % 2 == 0) {
        events.add(e);
      } else {
        writeInPlace(events, e);
      }
    }

    assertHolds(events, expected);
    events.release();
  }
}
