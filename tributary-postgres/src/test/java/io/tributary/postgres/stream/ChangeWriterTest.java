package io.tributary.postgres.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.ChangeEvent;
import io.tributary.api.EncodedEvents;
import io.tributary.api.Op;
import io.tributary.api.SourceInfo;
import io.tributary.api.TransactionInfo;
import io.tributary.api.Unavailable;
import io.tributary.api.envelope.BatchEncoder;
import io.tributary.postgres.catalog.TableId;
import io.tributary.postgres.event.TableSchema;
import io.tributary.postgres.pgoutput.TupleData;
import io.tributary.postgres.types.TextValueConverter;
import io.tributary.postgres.types.TypeRegistry;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ChangeWriter}: a change written straight from its pgoutput tuples is byte for byte the
 * change decoded into a {@link ChangeEvent} and encoded, for inserts, updates and deletes; and the
 * changes it cannot write that way are left to the decoding path untouched.
 */
class ChangeWriterTest {
  private static final List<String> COLUMNS =
      List.of("id", "name", "price", "active", "doc", "at", "tags", "ratio");
  private static final int[] TYPES = {20, 25, 1700, 16, 3802, 1184, 1009, 701};
  private static final TableSchema SCHEMA =
      TableSchema.of(
          new TableId("public", "orders"), "shop.public.orders", COLUMNS, TYPES, new int[] {0});
  private static final TableSchema NO_KEY =
      TableSchema.of(new TableId("public", "log"), "shop.public.log", COLUMNS, TYPES, new int[0]);

  private final TextValueConverter converter = new TextValueConverter(new TypeRegistry());
  private final ChangeWriter writer = new ChangeWriter(converter);

  private static TupleData full(String id, String name) {
    return TupleData.of(
        id,
        name,
        "12.50",
        "t",
        "{\"a\": [1, 2]}",
        "2024-01-02 03:04:05.123+00",
        "{x,\"y z\",NULL}",
        "1.5");
  }

  @Test
  void insertsUpdatesAndDeletesMatchTheDecodedEvents() {
    TupleData after = full("1", "plain \"quoted\" é ✓");
    TupleData before = full("1", "old\nname");
    TupleData keyOnly = TupleData.of("1", null, null, null, null, null, null, null);
    TupleData odd =
        TupleData.of("-0", null, "-0.00", "f", "null", "2024-01-02 03:04:05+05:30", "{}", "NaN");
    TupleData shorter = TupleData.of("2", "only two");
    TupleData unchanged =
        TupleData.of("3", Unavailable.VALUE, "1", "t", Unavailable.VALUE, null, "{}", "0");

    assertSame(SCHEMA, Op.CREATE, null, after);
    assertSame(SCHEMA, Op.UPDATE, before, after);
    assertSame(SCHEMA, Op.UPDATE, null, unchanged); // no old row: the placeholder stays
    assertSame(SCHEMA, Op.DELETE, keyOnly, null);
    assertSame(SCHEMA, Op.DELETE, before, null);
    assertSame(SCHEMA, Op.CREATE, null, odd);
    assertSame(SCHEMA, Op.CREATE, null, shorter);
    assertSame(NO_KEY, Op.CREATE, null, after);
    assertSame(NO_KEY, Op.DELETE, before, null);
  }

  @Test
  void leavesBinaryValuesAndToastFromTheOldRowToTheDecodingPath() {
    EncodedEvents out = new EncodedEvents();
    TupleData binary = TupleData.of("1", new byte[] {1, 2}, null, null, null, null, null, null);
    TupleData unchanged = TupleData.of("1", Unavailable.VALUE, null, null, null, null, null, null);

    assertThat(write(SCHEMA, Op.CREATE, null, binary, out)).isFalse();
    assertThat(write(SCHEMA, Op.UPDATE, full("1", "old"), unchanged, out)).isFalse();
    assertThat(out.size()).isZero();
    assertThat(out.byteSize()).isZero();
  }

  private void assertSame(TableSchema schema, Op op, TupleData before, TupleData after) {
    EncodedEvents fast = new EncodedEvents();
    assertThat(write(schema, op, before, after, fast)).as("written directly").isTrue();

    Object[] b = before == null ? null : values(before);
    Object[] a = after == null ? null : values(after);
    ChangeEvent decoded =
        new ChangeEvent(
            schema.stream(),
            op,
            schema.key(a != null ? a : b),
            b == null ? null : schema.row(b),
            a == null ? null : schema.row(a),
            source(),
            transaction(),
            1234L,
            "0/16B3748:7");
    EncodedEvents slow = new EncodedEvents();
    new BatchEncoder().encode(decoded, slow);

    assertThat(fast.size()).isEqualTo(1);
    assertThat(text(fast.get(0).value())).isEqualTo(text(slow.get(0).value()));
    assertThat(fast.get(0).key() == null ? null : text(fast.get(0).key()))
        .isEqualTo(slow.get(0).key() == null ? null : text(slow.get(0).key()));
    assertThat(fast.stream(0)).isEqualTo(schema.stream());
    assertThat(fast.timestampMs(0)).isEqualTo(1234L);
  }

  private boolean write(
      TableSchema schema, Op op, TupleData before, TupleData after, EncodedEvents out) {
    return writer.write(
        schema, op, before, after, source(), transaction(), 1234L, "0/16B3748:7", out);
  }

  /** As the decoding path of ChangeStream makes them: missing trailing values are null. */
  private Object[] values(TupleData tuple) {
    Object[] out = new Object[TYPES.length];
    for (int i = 0; i < Math.min(tuple.size(), TYPES.length); i++) {
      Object v = tuple.value(i);
      out[i] = v instanceof String s ? converter.decode(TYPES[i], s) : v;
    }
    return out;
  }

  private static SourceInfo source() {
    Map<String, Object> position = new LinkedHashMap<>();
    position.put("txId", 771L);
    position.put("lsn", 23_902_024L);
    return new SourceInfo(
        "postgresql", "shop", "shop", "public", "orders", 1_700_000_000_000L, "false", position);
  }

  private static TransactionInfo transaction() {
    return new TransactionInfo("771:23902024", 7, 3);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
