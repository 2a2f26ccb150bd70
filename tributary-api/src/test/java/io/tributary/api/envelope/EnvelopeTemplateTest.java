package io.tributary.api.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.ChangeEvent;
import io.tributary.api.Op;
import io.tributary.api.RawJson;
import io.tributary.api.Row;
import io.tributary.api.SourceInfo;
import io.tributary.api.TransactionInfo;
import io.tributary.api.Unavailable;
import io.tributary.api.json.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link EnvelopeWriter#template}, the appending writes and the column prefixes. */
class EnvelopeTemplateTest {
  private static final List<String> COLUMNS = List.of("id", "name", "price", "doc", "\"odd\" é");
  private static final List<String> KEY = List.of("id");

  private static SourceInfo source(String table) {
    Map<String, Object> position = new LinkedHashMap<>();
    position.put("lsn", 24023128L);
    position.put("txId", null);
    return new SourceInfo(
        "postgresql", "shop", "shop", "public", table, 1700000000000L, "true", position);
  }

  private static Row row(Object... values) {
    return Row.of(COLUMNS, values);
  }

  private static List<Row> rows() {
    return List.of(
        row(1, "a", new BigDecimal("9.99"), new RawJson("{\"x\":[1,2]}"), null),
        row(2L, "quote \" backslash \\ newline \n é ✓ 😀", null, null, Unavailable.VALUE),
        row(-3, "", new BigDecimal("-0.001"), new RawJson("null"), List.of(1, "two")),
        row(null, null, null, null, null));
  }

  private static ChangeEvent read(Row key, Row before, Row after, TransactionInfo tx, String ik) {
    return new ChangeEvent(
        "shop.public.orders", Op.READ, key, before, after, source("orders"), tx, 1234L, ik);
  }

  private static ChangeEvent withAfterAndKey(ChangeEvent p, Row after, String idempotencyKey) {
    return new ChangeEvent(
        p.stream(),
        p.op(),
        p.key(),
        p.before(),
        after,
        p.source(),
        p.transaction(),
        p.tsMs(),
        idempotencyKey);
  }

  /** The row's JSON object as the writer writes it: the key of an event whose key is the row. */
  private static byte[] rowJson(Row row) {
    return new EnvelopeWriter().key(read(row, null, null, null, "k"));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private static void assertTemplateHolds(ChangeEvent prototype) {
    EnvelopeWriter writer = new EnvelopeWriter();
    EnvelopeTemplate t = writer.template(prototype);
    EnvelopeWriter reference = new EnvelopeWriter();
    for (Row r : rows()) {
      for (String suffix : List.of("0", "7", "1234567890123", "")) {
        byte[] assembled =
            concat(
                t.head(),
                rowJson(r),
                t.middle(),
                suffix.getBytes(StandardCharsets.US_ASCII),
                t.tail());
        byte[] want =
            reference.value(withAfterAndKey(prototype, r, prototype.idempotencyKey() + suffix));
        assertThat(text(assembled)).isEqualTo(text(want));
        assertThat(assembled).containsExactly(want);
      }
    }
  }

  @Test
  void templateAroundANullAfterRowAsSnapshotsMakeIt() {
    assertTemplateHolds(read(null, null, null, null, "snapshot:17:"));
  }

  @Test
  void templateIgnoresThePrototypesOwnAfterRow() {
    assertTemplateHolds(read(null, null, rows().get(1), null, "snapshot:17:"));
  }

  @Test
  void templateWithBeforeKeyAndTransaction() {
    ChangeEvent prototype =
        new ChangeEvent(
            "shop.public.orders",
            Op.UPDATE,
            Row.of(KEY, 1),
            rows().get(0),
            rows().get(2),
            source("orders"),
            new TransactionInfo("742:24023128", 2, 1),
            99L,
            "0/16E9158:");
    assertTemplateHolds(prototype);
  }

  @Test
  void templateWithAnIdempotencyKeyThatNeedsEscaping() {
    assertTemplateHolds(read(null, null, null, null, "a \"quoted\" \\ key é\n:"));
    assertTemplateHolds(read(null, null, null, null, ""));
  }

  @Test
  void templatePartsAreWhereTheContractSaysTheyAre() {
    EnvelopeTemplate t = new EnvelopeWriter().template(read(null, null, null, null, "p:"));

    assertThat(text(t.head())).isEqualTo("{\"before\":null,\"after\":");
    assertThat(text(t.middle())).startsWith(",\"source\":").endsWith("\"idempotency_key\":\"p:");
    assertThat(text(t.tail())).isEqualTo("\"}");
  }

  @Test
  void templateDoesNotDependOnWhatTheWriterWroteBefore() {
    ChangeEvent prototype = read(null, null, null, null, "snapshot:3:");
    EnvelopeTemplate fresh = new EnvelopeWriter().template(prototype);

    EnvelopeWriter used = new EnvelopeWriter();
    used.value(
        new ChangeEvent(
            "other",
            Op.CREATE,
            Row.of(KEY, 5),
            null,
            row(5, "x".repeat(5000), null, null, null),
            source("customers"),
            new TransactionInfo("1:2", 1, 1),
            1L,
            "zzz"));
    used.value(withAfterAndKey(prototype, rows().get(0), "x"), new JsonWriter());
    EnvelopeTemplate later = used.template(prototype);

    assertThat(later.head()).containsExactly(fresh.head());
    assertThat(later.middle()).containsExactly(fresh.middle());
    assertThat(later.tail()).containsExactly(fresh.tail());
  }

  @Test
  void valueAppendsTheEnvelopeToAnotherWriter() {
    EnvelopeWriter writer = new EnvelopeWriter();
    EnvelopeWriter reference = new EnvelopeWriter();
    ChangeEvent update =
        new ChangeEvent(
            "shop.public.orders",
            Op.UPDATE,
            Row.of(KEY, 1),
            rows().get(0),
            rows().get(1),
            source("orders"),
            new TransactionInfo("742:24023128", 2, 1),
            99L,
            "0/16E9158:2");
    ChangeEvent read = read(null, null, rows().get(2), null, "snapshot:1:0");
    JsonWriter out = new JsonWriter(4).raw("prefix|");

    writer.value(update, out);
    int first = out.length();
    out.raw('|');
    writer.value(read, out);

    byte[] want =
        concat(
            "prefix|".getBytes(StandardCharsets.US_ASCII),
            reference.value(update),
            new byte[] {'|'},
            reference.value(read));
    assertThat(text(out.toByteArray())).isEqualTo(text(want));
    assertThat(first).isEqualTo("prefix|".length() + reference.value(update).length);
    // the writer's own buffer is untouched by appending elsewhere
    assertThat(writer.value(read)).containsExactly(reference.value(read));
  }

  @Test
  void keyAppendsTheKeyToAnotherWriterOrNothingWithoutOne() {
    EnvelopeWriter writer = new EnvelopeWriter();
    ChangeEvent keyed =
        read(Row.of(List.of("id", "tenant"), 7, "acme \"inc\""), null, null, null, "k");
    ChangeEvent keyless = read(null, null, rows().get(0), null, "k");
    JsonWriter out = new JsonWriter(2).raw('<');

    assertThat(writer.key(keyless, out)).isFalse();
    assertThat(out.length()).isEqualTo(1);
    assertThat(writer.key(keyed, out)).isTrue();
    out.raw('>');

    assertThat(text(out.toByteArray())).isEqualTo("<" + text(writer.key(keyed)) + ">");
    assertThat(text(writer.key(keyed))).isEqualTo("{\"id\":7,\"tenant\":\"acme \\\"inc\\\"\"}");
    assertThat(writer.key(keyless)).isNull();
  }

  @Test
  void writesARowWithoutColumnsAsAnEmptyObject() {
    Row empty = Row.of(List.of());
    ChangeEvent e = read(empty, empty, empty, null, "k");
    EnvelopeWriter writer = new EnvelopeWriter();

    assertThat(text(writer.value(e))).startsWith("{\"before\":{},\"after\":{},\"source\":{");
    assertThat(text(writer.key(e))).isEqualTo("{}");
    JsonWriter out = new JsonWriter();
    writer.key(e, out);
    assertThat(out.toString()).isEqualTo("{}");
  }

  @Test
  void writesAnEmptyRowOfAFreshListAsAnEmptyObjectToo() {
    Row empty = new Row(new ArrayList<>(), new ArrayList<>());
    EnvelopeWriter writer = new EnvelopeWriter();
    writer.value(read(null, null, rows().get(0), null, "k")); // another column list first

    assertThat(text(writer.value(read(null, null, empty, null, "k"))))
        .startsWith("{\"before\":null,\"after\":{},\"source\":{");
  }

  @Test
  void memberPrefixesAreWhatPrecedesEachValue() {
    byte[][] p = EnvelopeWriter.memberPrefixes(List.of("a", "b\"c", "é", ""));

    assertThat(Arrays.stream(p).map(EnvelopeTemplateTest::text))
        .containsExactly("{\"a\":", ",\"b\\\"c\":", ",\"é\":", ",\"\":");
    assertThat(EnvelopeWriter.memberPrefixes(List.of())).isEmpty();
  }

  @Test
  void memberPrefixesFollowedByValuesAndABraceAreTheRow() {
    for (Row r : rows()) {
      byte[][] p = EnvelopeWriter.memberPrefixes(r.columns());
      JsonWriter w = new JsonWriter();
      for (int i = 0; i < p.length; i++) {
        w.bytes(p[i]).value(r.values().get(i));
      }
      w.raw('}');

      assertThat(w.toByteArray()).containsExactly(rowJson(r));
    }
  }
}
