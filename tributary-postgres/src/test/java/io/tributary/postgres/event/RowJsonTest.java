package io.tributary.postgres.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.ChangeEvent;
import io.tributary.api.EncodedEvent;
import io.tributary.api.EncodedEvents;
import io.tributary.api.Op;
import io.tributary.api.Row;
import io.tributary.api.SourceInfo;
import io.tributary.api.Unavailable;
import io.tributary.api.envelope.BatchEncoder;
import io.tributary.api.envelope.EnvelopeTemplate;
import io.tributary.api.envelope.EnvelopeWriter;
import io.tributary.api.json.JsonWriter;
import io.tributary.postgres.catalog.TableId;
import io.tributary.postgres.types.CopyTextParser;
import io.tributary.postgres.types.TextValueConverter;
import io.tributary.postgres.types.TypeRegistry;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link RowJson}: a row given as COPY text fields is written byte for byte as {@link
 * EnvelopeWriter} writes the decoded row, and its key as the decoded key.
 */
class RowJsonTest {
  private static final List<String> COLUMNS =
      List.of(
          "id",
          "name",
          "price",
          "active",
          "doc",
          "created",
          "tags",
          "ratio",
          "code",
          "born",
          "\"odd\" é");
  private static final int[] TYPES = {23, 25, 1700, 16, 3802, 1184, 1009, 701, 2950, 1114, 20};

  /** The key in key order, which is not column order: code, then id. */
  private static final int[] KEY = {8, 0};

  private static final TableSchema SCHEMA =
      TableSchema.of(new TableId("public", "orders"), "shop.public.orders", COLUMNS, TYPES, KEY);

  /** COPY lines of that table: escapes, NULLs, special values, missing trailing fields. */
  private static final List<String> LINES =
      List.of(
          "1\tplain\t99.62\tt\t{\"a\": 1}\t2024-01-02 03:04:05+00\t{a,b}\t1.5"
              + "\ta0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\t2024-01-02 03:04:05\t7\n",
          "2\tquote \" tab \\t newline \\n backslash \\\\ é ✓ 😀\t-0.00\tf"
              + "\t{\"é\": \"\\\\\\\\\"}\t2024-01-02 03:04:05.5+05:30\t{\"x y\",NULL}\tNaN"
              + "\tb0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\t0044-03-15 12:00:00 BC\t-9223372036854775808\n",
          "3\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\n",
          "4\t\tNaN\tt\tnull\tinfinity\t{}\t-Infinity\tc0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"
              + "\t-infinity\t0\n",
          "5\toctal \\101 hex \\x42\t123.4500\tf\t[]\t0044-03-15 12:00:00+00 BC\t{\"\\\\\\\\\"}"
              + "\t1e+308\tkey with \\\\N\t12345-01-02 03:04:05.123456\t007\n",
          "6\tonly two fields\n",
          "7\n",
          "\\N\t\\N\t1\tt\t{}\t2024-01-02 03:04:05+00\t{}\t0\t\\N\t2024-01-02 03:04:05\t1");

  private final TextValueConverter converter = new TextValueConverter(new TypeRegistry());
  private final CopyTextParser parser = new CopyTextParser();

  private static SourceInfo source() {
    Map<String, Object> position = new LinkedHashMap<>();
    position.put("lsn", 24023128L);
    return new SourceInfo(
        "postgresql", "shop", "shop", "public", "orders", 1700000000000L, "true", position);
  }

  /** The values of a COPY line decoded, the way events are made from it without RowJson. */
  private Object[] decode(byte[] line) {
    String[] texts = parser.parse(line);
    Object[] values = new Object[TYPES.length];
    for (int i = 0; i < values.length && i < texts.length; i++) {
      values[i] = texts[i] == null ? null : converter.convert(TYPES[i], texts[i]);
    }
    return values;
  }

  private static ChangeEvent read(Object[] values, String idempotencyKey) {
    return new ChangeEvent(
        SCHEMA.stream(),
        Op.READ,
        SCHEMA.key(values),
        null,
        SCHEMA.row(values),
        source(),
        null,
        1234L,
        idempotencyKey);
  }

  private static String str(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  /** A row's JSON object as EnvelopeWriter writes it: the key of an event keyed by the row. */
  private static String rowJsonOf(Row row) {
    return str(
        new EnvelopeWriter()
            .key(new ChangeEvent("s", Op.READ, row, null, null, source(), null, 0L, "k")));
  }

  @Test
  void writesRowsAndKeysAsTheEnvelopeWriterWritesTheDecodedRows() {
    RowJson rows = new RowJson(SCHEMA, converter);
    EnvelopeWriter envelopes = new EnvelopeWriter();
    TextFields fields = new TextFields();
    assertThat(rows.hasKey()).isTrue();

    for (String text : LINES) {
      byte[] line = text.getBytes(StandardCharsets.UTF_8);
      Object[] values = decode(line);
      ChangeEvent event = read(values, "snapshot:1:0");

      parser.split(line, fields);
      JsonWriter row = new JsonWriter(8);
      rows.row(fields, row);
      JsonWriter key = new JsonWriter(8).raw("x");
      rows.key(fields, key);

      assertThat(row.toString()).as(text).isEqualTo(rowJsonOf(event.after()));
      assertThat(key.toString()).as(text).isEqualTo("x" + str(envelopes.key(event)));
    }
  }

  @Test
  void envelopesFromTheTemplateAndRowJsonAreTheEnvelopesOfTheDecodedEvents() {
    RowJson rows = new RowJson(SCHEMA, converter);
    EnvelopeWriter envelopes = new EnvelopeWriter();
    EnvelopeTemplate template =
        envelopes.template(
            new ChangeEvent(
                SCHEMA.stream(), Op.READ, null, null, null, source(), null, 1234L, "snapshot:9:"));
    TextFields fields = new TextFields();
    EnvelopeWriter reference = new EnvelopeWriter();

    for (int i = 0; i < LINES.size(); i++) {
      byte[] line = LINES.get(i).getBytes(StandardCharsets.UTF_8);
      ChangeEvent event = read(decode(line), "snapshot:9:" + i);
      parser.split(line, fields);
      JsonWriter out = new JsonWriter(16);
      out.bytes(template.head());
      rows.row(fields, out);
      out.bytes(template.middle()).number(i).bytes(template.tail());

      assertThat(out.toString()).as(LINES.get(i)).isEqualTo(str(reference.value(event)));
    }
  }

  /** The whole snapshot fast path, as a chunk copier runs it, against encoding decoded events. */
  @Test
  void aChunkEncodedFromTextEqualsTheChunkEncodedFromEvents() {
    RowJson rows = new RowJson(SCHEMA, converter);
    EnvelopeTemplate template =
        new EnvelopeWriter()
            .template(
                new ChangeEvent(
                    SCHEMA.stream(), Op.READ, null, null, null, source(), null, 77L, "snap:"));
    EncodedEvents encoded = new EncodedEvents(2, 64);
    JsonWriter json = encoded.buffer();
    TextFields fields = new TextFields();
    for (int i = 0; i < LINES.size(); i++) {
      parser.split(LINES.get(i).getBytes(StandardCharsets.UTF_8), fields);
      int start = json.length();
      rows.key(fields, json);
      int valueStart = json.length();
      json.bytes(template.head());
      rows.row(fields, json);
      json.bytes(template.middle()).number(i).bytes(template.tail());
      encoded.written(SCHEMA.stream(), 77L, start, valueStart, true);
    }

    BatchEncoder reference = new BatchEncoder();
    assertThat(encoded.size()).isEqualTo(LINES.size());
    for (int i = 0; i < LINES.size(); i++) {
      Object[] values = decode(LINES.get(i).getBytes(StandardCharsets.UTF_8));
      ChangeEvent event =
          new ChangeEvent(
              SCHEMA.stream(),
              Op.READ,
              SCHEMA.key(values),
              null,
              SCHEMA.row(values),
              source(),
              null,
              77L,
              "snap:" + i);
      EncodedEvent want = reference.encode(event);
      EncodedEvent got = encoded.get(i);
      assertThat(got.stream()).isEqualTo(want.stream());
      assertThat(got.timestampMs()).isEqualTo(want.timestampMs());
      assertThat(str(got.key())).isEqualTo(str(want.key()));
      assertThat(str(got.value())).isEqualTo(str(want.value()));
    }
  }

  @Test
  void writesUnchangedFieldsAsThePlaceholderNullsAsNullAndMissingFieldsAsNull() {
    List<String> columns = List.of("id", "big", "note", "extra");
    TableSchema schema =
        TableSchema.of(
            new TableId("public", "t"),
            "s.public.t",
            columns,
            new int[] {23, 25, 25, 3802},
            new int[] {0});
    RowJson rows = new RowJson(schema, converter);
    byte[] buffer = "xx42yy".getBytes(StandardCharsets.UTF_8);
    TextFields fields = new TextFields().reset(buffer);
    fields.add(2, 2); // 42
    fields.add(0, TextFields.UNCHANGED);
    fields.add(0, TextFields.NULL);
    // "extra" is missing

    JsonWriter out = new JsonWriter();
    rows.row(fields, out);

    assertThat(out.toString())
        .isEqualTo(rowJsonOf(Row.of(columns, 42, Unavailable.VALUE, null, null)))
        .isEqualTo(
            "{\"id\":42,\"big\":"
                + new JsonWriter().value(Unavailable.VALUE)
                + ",\"note\":null,\"extra\":null}");
    JsonWriter key = new JsonWriter();
    rows.key(fields, key);
    assertThat(key.toString()).isEqualTo("{\"id\":42}");
  }

  @Test
  void writesAnUnchangedOrMissingKeyColumnLikeTheDecodedKey() {
    List<String> columns = List.of("a", "b");
    TableSchema schema =
        TableSchema.of(
            new TableId("public", "t"),
            "s.public.t",
            columns,
            new int[] {23, 25},
            new int[] {1, 0});
    RowJson rows = new RowJson(schema, converter);
    TextFields fields = new TextFields().reset(new byte[0]);
    fields.add(0, TextFields.UNCHANGED);

    JsonWriter key = new JsonWriter();
    rows.key(fields, key);

    assertThat(key.toString())
        .isEqualTo(rowJsonOf(Row.of(List.of("b", "a"), null, Unavailable.VALUE)));
  }

  @Test
  void aTableWithoutKeyHasNoKeyAndATableWithoutColumnsIsAnEmptyObject() {
    TableSchema keyless =
        TableSchema.of(
            new TableId("public", "k"), "s.public.k", List.of("a"), new int[] {23}, new int[0]);
    TableSchema empty =
        TableSchema.of(new TableId("public", "e"), "s.public.e", List.of(), new int[0], new int[0]);

    assertThat(new RowJson(keyless, converter).hasKey()).isFalse();
    RowJson none = new RowJson(empty, converter);
    assertThat(none.hasKey()).isFalse();

    JsonWriter out = new JsonWriter();
    none.row(parser.split(new byte[0], new TextFields()), out);
    assertThat(out.toString()).isEqualTo("{}").isEqualTo(rowJsonOf(empty.row(new Object[0])));
  }

  @Test
  void usesTheDecodersOwnWritersAndItsDefaultOne() {
    // a decoder without writers of its own: each value decoded, then written
    TextDecoder lengths = (oid, text) -> oid == 23 ? (Object) text.length() : "<" + text + ">";
    List<String> columns = List.of("n", "s");
    TableSchema schema =
        TableSchema.of(
            new TableId("public", "t"), "s.public.t", columns, new int[] {23, 25}, new int[] {1});
    RowJson rows = new RowJson(schema, lengths);
    TextFields fields =
        parser.split("héllo\twörld\n".getBytes(StandardCharsets.UTF_8), new TextFields());

    JsonWriter out = new JsonWriter();
    rows.row(fields, out);
    JsonWriter key = new JsonWriter();
    rows.key(fields, key);

    assertThat(out.toString()).isEqualTo("{\"n\":5,\"s\":\"<wörld>\"}");
    assertThat(key.toString()).isEqualTo("{\"s\":\"<wörld>\"}");
  }
}
