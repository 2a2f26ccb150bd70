package io.tributary.api.envelope;

import io.tributary.api.ChangeEvent;
import io.tributary.api.Row;
import io.tributary.api.SourceInfo;
import io.tributary.api.TransactionInfo;
import io.tributary.api.json.JsonWriter;
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

  private final JsonWriter json = new JsonWriter(1024);

  /** The envelope of {@code event}, as UTF-8 JSON bytes. */
  public byte[] value(ChangeEvent event) {
    json.reset().raw('{');
    json.name("before");
    row(event.before());
    json.raw(',').name("after");
    row(event.after());
    json.raw(',').name("source");
    source(event.source());
    json.raw(',').name("op").string(event.op().code());
    json.raw(',').name("ts_ms").number(event.tsMs());
    json.raw(',').name("transaction");
    transaction(event.transaction());
    json.raw(',').name("idempotency_key").string(event.idempotencyKey());
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
    json.raw('{');
    for (int i = 0; i < row.size(); i++) {
      if (i > 0) {
        json.raw(',');
      }
      json.name(row.columns().get(i)).value(row.values().get(i));
    }
    json.raw('}');
  }

  private void source(SourceInfo s) {
    json.raw('{');
    json.name("version").string(VERSION);
    json.raw(',').name("connector").string(s.connector());
    json.raw(',').name("name").string(s.name());
    json.raw(',').name("ts_ms").number(s.tsMs());
    json.raw(',').name("snapshot").string(s.snapshot());
    json.raw(',').name("db").value(s.db());
    json.raw(',').name("schema").value(s.schema());
    json.raw(',').name("table").value(s.table());
    for (Map.Entry<String, Object> e : s.position().entrySet()) {
      json.raw(',').name(e.getKey()).value(e.getValue());
    }
    json.raw('}');
  }

  private void transaction(TransactionInfo t) {
    if (t == null) {
      json.value(null);
      return;
    }
    json.raw('{');
    json.name("id").string(t.id());
    json.raw(',').name("total_order").number(t.totalOrder());
    json.raw(',').name("data_collection_order").number(t.dataCollectionOrder());
    json.raw('}');
  }
}
