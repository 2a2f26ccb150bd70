package io.tributary.api.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.ChangeEvent;
import io.tributary.api.EncodedEvent;
import io.tributary.api.EncodedEvents;
import io.tributary.api.Op;
import io.tributary.api.Row;
import io.tributary.api.SourceInfo;
import io.tributary.api.TransactionInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchEncoderTest {
  private static final List<String> COLUMNS = List.of("id", "name");
  private static final List<String> KEY = List.of("id");

  private static ChangeEvent event(int i, String table, boolean keyed, String name) {
    Map<String, Object> position = new LinkedHashMap<>();
    position.put("lsn", 1000L + i);
    SourceInfo source =
        new SourceInfo("postgresql", "shop", "shop", "public", table, 1700L + i, "false", position);
    Op op = i % 4 == 0 ? Op.DELETE : Op.CREATE;
    Row row = Row.of(COLUMNS, i, name);
    return new ChangeEvent(
        "shop.public." + table,
        op,
        keyed ? Row.of(KEY, i) : null,
        op == Op.DELETE ? row : null,
        op == Op.DELETE ? null : row,
        source,
        i % 3 == 0 ? null : new TransactionInfo(i + ":" + (1000 + i), i, 1),
        5000L + i,
        "0/" + i);
  }

  private static void assertEncodesLikeOneByOne(List<ChangeEvent> events) {
    EncodedEvents packed = new BatchEncoder().encode(events);
    BatchEncoder single = new BatchEncoder();

    assertThat(packed.size()).isEqualTo(events.size());
    for (int i = 0; i < events.size(); i++) {
      EncodedEvent want = single.encode(events.get(i));
      EncodedEvent got = packed.get(i);
      assertThat(got.stream()).isEqualTo(want.stream()).isEqualTo(events.get(i).stream());
      assertThat(got.timestampMs()).isEqualTo(want.timestampMs()).isEqualTo(events.get(i).tsMs());
      if (want.key() == null) {
        assertThat(got.key()).isNull();
        assertThat(packed.hasKey(i)).isFalse();
      } else {
        assertThat(new String(got.key(), StandardCharsets.UTF_8))
            .isEqualTo(new String(want.key(), StandardCharsets.UTF_8));
      }
      assertThat(new String(got.value(), StandardCharsets.UTF_8))
          .isEqualTo(new String(want.value(), StandardCharsets.UTF_8));
      assertThat(got.value()).containsExactly(want.value());
    }
  }

  @Test
  void encodesEachEventAsEncodingItAloneDoes() {
    List<ChangeEvent> events = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      events.add(event(i, i % 2 == 0 ? "orders" : "customers", i % 5 != 0, "n\"é" + i));
    }

    assertEncodesLikeOneByOne(events);
  }

  @Test
  void encodesAnEmptyList() {
    EncodedEvents packed = new BatchEncoder().encode(List.of());

    assertThat(packed.isEmpty()).isTrue();
    assertThat(packed.asList()).isEmpty();
  }

  @Test
  void encodesEventsLargerThanTheBufferItStartsWith() {
    List<ChangeEvent> events = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      events.add(event(i, "docs", i % 2 == 0, "é✓\n".repeat(2000 * (i % 3))));
    }

    assertEncodesLikeOneByOne(events);
  }

  @Test
  void eventsLieBackToBackInTheBuffer() {
    List<ChangeEvent> events = List.of(event(1, "a", true, "x"), event(2, "b", false, "y"));
    EncodedEvents packed = new BatchEncoder().encode(events);

    assertThat(packed.keyOffset(0)).isZero();
    assertThat(packed.valueOffset(0)).isEqualTo(packed.keyLength(0));
    assertThat(packed.keyOffset(1)).isEqualTo(packed.valueOffset(0) + packed.valueLength(0));
    assertThat(packed.valueOffset(1)).isEqualTo(packed.keyOffset(1));
    assertThat(packed.buffer().length()).isEqualTo(packed.valueOffset(1) + packed.valueLength(1));
  }
}
