package io.tributary.api.envelope;

import io.tributary.api.ChangeEvent;
import io.tributary.api.Row;
import io.tributary.api.SourceInfo;
import io.tributary.api.TransactionInfo;
import io.tributary.api.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link ChangeEvent} as a Debezium-compatible JSON envelope (value) and its primary key as
 * a JSON object (key). Not thread-safe: one instance per writer thread.
 *
 * <p>Value: {@code {"before":…,"after":…,"source":{…},"op":"c","ts_ms":…,"transaction":{…},
 * "idempotency_key":"…"}}. Debezium consumers read {@code before}, {@code after}, {@code op} and
 * {@code source} and ignore the extra {@code idempotency_key}.
 */
public final class EnvelopeWriter {
  /** The value written in {@code source.version}. */
  public static final String VERSION = "0.1.0";

  private static final byte[] BEFORE = ascii("{\"before\":");
  private static final byte[] AFTER = ascii(",\"after\":");
  private static final byte[] SOURCE = ascii(",\"source\":{\"version\":\"" + VERSION + "\",\"connector\":");
  private static final byte[] NAME = ascii(",\"name\":");
  private static final byte[] SOURCE_TS = ascii(",\"ts_ms\":");
  private static final byte[] SNAPSHOT = ascii(",\"snapshot\":");
  private static final byte[] DB = ascii(",\"db\":");
  private static final byte[] SCHEMA = ascii(",\"schema\":");
  private static final byte[] TABLE = ascii(",\"table\":");
  private static final byte[] OP = ascii("},\"op\":");
  private static final byte[] TS = ascii(",\"ts_ms\":");
  private static final byte[] TRANSACTION = ascii(",\"transaction\":");
  private static final byte[] TX_ID = ascii("{\"id\":");
  private static final byte[] TOTAL = ascii(",\"total_order\":");
  private static final byte[] PER_TABLE = ascii(",\"data_collection_order\":");
  private static final byte[] KEY = ascii(",\"idempotency_key\":");

  private final JsonWriter json = new JsonWriter(1024);
  /** Encoded {@code "column":} prefixes per column list; lists are shared by all rows of a table. */
  private final Map<List<String>, byte[][]> names = new IdentityHashMap<>();
  /** Encoded {@code ,"field":} of source position fields (a handful per connector). */
  private final Map<String, byte[]> positionNames = new HashMap<>();

  /** The envelope of {@code event}, as UTF-8 JSON bytes. */
  public byte[] value(ChangeEvent event) {
    json.reset().bytes(BEFORE);
    row(event.before());
    json.bytes(AFTER);
    row(event.after());
    source(event.source());
    json.bytes(OP).string(event.op().code());
    json.bytes(TS).number(event.tsMs());
    json.bytes(TRANSACTION);
    transaction(event.transaction());
    json.bytes(KEY).string(event.idempotencyKey());
    json.raw('}');
    return json.toByteArray();
  }

  /** The key of {@code event}: its primary key columns as a JSON object, or null without a key. */
  public byte[] key(ChangeEvent event) {
    if (event.key() == null) {
      return null;
    }
    json.reset();
    row(event.key());
    return json.toByteArray();
  }

  private void row(Row row) {
    if (row == null) {
      json.value(null);
      return;
    }
    if (names.size() > 4096) {
      names.clear(); // column lists that are not shared would otherwise pile up here
    }
    byte[][] prefixes = names.computeIfAbsent(row.columns(), EnvelopeWriter::encodeNames);
    List<Object> values = row.values();
    for (int i = 0; i < prefixes.length; i++) {
      json.bytes(prefixes[i]).value(values.get(i));
    }
    json.raw('}');
  }

  /** {@code {"a":}, {@code ,"b":}, … for a column list. */
  private static byte[][] encodeNames(List<String> columns) {
    JsonWriter w = new JsonWriter(64);
    byte[][] out = new byte[columns.size()][];
    for (int i = 0; i < out.length; i++) {
      w.reset().raw(i == 0 ? '{' : ',').name(columns.get(i));
      out[i] = w.toByteArray();
    }
    return out;
  }

  private void source(SourceInfo s) {
    json.bytes(SOURCE).string(s.connector());
    json.bytes(NAME).string(s.name());
    json.bytes(SOURCE_TS).number(s.tsMs());
    json.bytes(SNAPSHOT).string(s.snapshot());
    json.bytes(DB).value(s.db());
    json.bytes(SCHEMA).value(s.schema());
    json.bytes(TABLE).value(s.table());
    for (Map.Entry<String, Object> e : s.position().entrySet()) {
      json.bytes(positionNames.computeIfAbsent(e.getKey(), EnvelopeWriter::encodeName)).value(e.getValue());
    }
  }

  private void transaction(TransactionInfo t) {
    if (t == null) {
      json.value(null);
      return;
    }
    json.bytes(TX_ID).string(t.id());
    json.bytes(TOTAL).number(t.totalOrder());
    json.bytes(PER_TABLE).number(t.dataCollectionOrder());
    json.raw('}');
  }

  private static byte[] encodeName(String name) {
    return new JsonWriter(32).raw(',').name(name).toByteArray();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
