package io.tributary.api.envelope;

import io.tributary.api.ChangeEvent;
import io.tributary.api.Op;
import io.tributary.api.Row;
import io.tributary.api.SourceInfo;
import io.tributary.api.TransactionInfo;
import io.tributary.api.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link ChangeEvent} as a Debezium-compatible JSON envelope (value) and its primary key
 * as a JSON object (key). Not thread-safe: one instance per writer thread.
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
  private static final byte[] SOURCE =
      ascii(",\"source\":{\"version\":\"" + VERSION + "\",\"connector\":");
  private static final byte[] NAME = ascii(",\"name\":");
  private static final byte[] SOURCE_TS = ascii(",\"ts_ms\":");
  private static final byte[] SNAPSHOT = ascii(",\"snapshot\":");
  private static final byte[] DB = ascii(",\"db\":");
  private static final byte[] SCHEMA = ascii(",\"schema\":");
  private static final byte[] TABLE = ascii(",\"table\":");
  private static final byte[] OP = ascii("},\"op\":");

  /** {@code },"op":"c"} and the like, by {@link Op#ordinal()}. */
  private static final byte[][] OPS = opFields();

  private static final byte[] TS = ascii(",\"ts_ms\":");
  private static final byte[] TRANSACTION = ascii(",\"transaction\":");
  private static final byte[] TX_ID = ascii("{\"id\":");
  private static final byte[] TOTAL = ascii(",\"total_order\":");
  private static final byte[] PER_TABLE = ascii(",\"data_collection_order\":");
  private static final byte[] KEY = ascii(",\"idempotency_key\":");

  private JsonWriter json = new JsonWriter(1024);

  /**
   * Encoded {@code "column":} prefixes per column list; lists are shared by all rows of a table.
   */
  private final Map<List<String>, byte[][]> names = new IdentityHashMap<>();

  /** Encoded {@code ,"field":} of source position fields (a handful per connector). */
  private final Map<String, byte[]> positionNames = new HashMap<>();

  private SourceInfo lastSource;
  private byte[] lastSourcePrefix;
  private final List<?>[] recentColumns = new List<?>[4];
  private final byte[][][] recentPrefixes = new byte[4][][];
  private int nextRecent;

  private String lastSnapshot;
  private byte[] lastSnapshotField;
  private String lastTransactionId;
  private byte[] lastTransactionIdField;
  private final String[] recentPositionNames = new String[4];
  private final byte[][] recentPositionPrefixes = new byte[4][];
  private int nextPositionName;

  /** Where the last envelope written has its {@code after} row, for {@link #template}. */
  private int afterStart;

  private int afterEnd;

  /** The envelope of {@code event}, as UTF-8 JSON bytes. */
  public byte[] value(ChangeEvent event) {
    json.reset();
    write(event);
    return json.toByteArray();
  }

  /** Appends the envelope of {@code event} to {@code out}. */
  public void value(ChangeEvent event, JsonWriter out) {
    JsonWriter own = json;
    json = out;
    try {
      write(event);
    } finally {
      json = own;
    }
  }

  /** Appends the key of {@code event} to {@code out}; false, writing nothing, without a key. */
  public boolean key(ChangeEvent event, JsonWriter out) {
    if (event.key() == null) {
      return false;
    }
    JsonWriter own = json;
    json = out;
    try {
      row(event.key());
    } finally {
      json = own;
    }
    return true;
  }

  /**
   * The envelope of {@code prototype} cut around its {@code after} row and at the end of its
   * idempotency key, for sources that write many events differing only there (snapshot reads):
   * {@code head + row + middle + suffix + tail} is the envelope of the prototype with that {@code
   * after} row and {@code suffix} appended to its idempotency key. The suffix must need no JSON
   * escaping (digits, say).
   */
  public EnvelopeTemplate template(ChangeEvent prototype) {
    json.reset();
    write(prototype);
    byte[] b = json.buffer();
    int end = json.length();
    int keyEnd = end - 2; // before the key's closing quote and the envelope's closing brace
    return new EnvelopeTemplate(
        Arrays.copyOfRange(b, 0, afterStart),
        Arrays.copyOfRange(b, afterEnd, keyEnd),
        Arrays.copyOfRange(b, keyEnd, end));
  }

  private void write(ChangeEvent event) {
    json.bytes(BEFORE);
    row(event.before());
    json.bytes(AFTER);
    afterStart = json.length();
    row(event.after());
    afterEnd = json.length();
    rest(event.source(), event.op(), event.tsMs(), event.transaction(), event.idempotencyKey());
  }

  private void rest(
      SourceInfo source, Op op, long tsMs, TransactionInfo transaction, String idempotencyKey) {
    source(source);
    json.bytes(OPS[op.ordinal()]);
    json.bytes(TS).number(tsMs);
    json.bytes(TRANSACTION);
    transaction(transaction);
    json.bytes(KEY).string(idempotencyKey);
    json.raw('}');
  }

  /**
   * Begins an envelope whose rows the caller writes in its own way (straight from a source's
   * encoding, say): next in {@code out} comes the {@code before} row as a JSON object, or {@code
   * null}; then {@link #betweenRows}, the {@code after} row, and {@link #endEnvelope}. The result
   * is what {@link #value(ChangeEvent)} writes for the same event.
   */
  public static void beginEnvelope(JsonWriter out) {
    out.bytes(BEFORE);
  }

  /** Between the {@code before} and the {@code after} row of an envelope begun by the caller. */
  public static void betweenRows(JsonWriter out) {
    out.bytes(AFTER);
  }

  /** The rest of an envelope begun with {@link #beginEnvelope}, after its {@code after} row. */
  public void endEnvelope(
      SourceInfo source,
      Op op,
      long tsMs,
      TransactionInfo transaction,
      String idempotencyKey,
      JsonWriter out) {
    JsonWriter own = json;
    json = out;
    try {
      rest(source, op, tsMs, transaction, idempotencyKey);
    } finally {
      json = own;
    }
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
    byte[][] prefixes = prefixes(row.columns());
    if (prefixes.length == 0) {
      json.raw('{'); // a table without columns
    }
    List<Object> values = row.values();
    for (int i = 0; i < prefixes.length; i++) {
      json.bytes(prefixes[i]).value(values.get(i));
    }
    json.raw('}');
  }

  /** The encoded column prefixes of a column list: a few recent lists by identity, then a map. */
  private byte[][] prefixes(List<String> columns) {
    for (int i = 0; i < recentColumns.length; i++) {
      if (recentColumns[i] == columns) {
        return recentPrefixes[i];
      }
    }
    if (names.size() > 4096) {
      names.clear(); // column lists that are not shared would otherwise pile up here
    }
    byte[][] p = names.computeIfAbsent(columns, EnvelopeWriter::memberPrefixes);
    recentColumns[nextRecent] = columns;
    recentPrefixes[nextRecent] = p;
    nextRecent = (nextRecent + 1) % recentColumns.length;
    return p;
  }

  /**
   * {@code {"a":}, {@code ,"b":}, … for a column list: what precedes each value when a row is
   * written as a JSON object (followed by a closing brace).
   */
  public static byte[][] memberPrefixes(List<String> columns) {
    JsonWriter w = new JsonWriter(64);
    byte[][] out = new byte[columns.size()][];
    for (int i = 0; i < out.length; i++) {
      w.reset().raw(i == 0 ? '{' : ',').name(columns.get(i));
      out[i] = w.toByteArray();
    }
    return out;
  }

  /**
   * The source block. Its fields that stay the same for all events of a table come first and are
   * encoded once per table; JSON consumers do not depend on field order.
   */
  private void source(SourceInfo s) {
    json.bytes(sourcePrefix(s));
    json.bytes(SOURCE_TS).number(s.tsMs());
    json.bytes(snapshotField(s.snapshot()));
    for (Map.Entry<String, Object> e : s.position().entrySet()) {
      json.bytes(positionName(e.getKey())).value(e.getValue());
    }
  }

  /** {@code ,"snapshot":"…"}, encoded once per distinct value (there are three). */
  @SuppressWarnings(
      "ReferenceEquality") // a cache hit test: an equal but distinct string re-encodes
  private byte[] snapshotField(String snapshot) {
    if (snapshot != lastSnapshot) {
      lastSnapshotField = field(SNAPSHOT, snapshot);
      lastSnapshot = snapshot;
    }
    return lastSnapshotField;
  }

  /** {@code ,"name":} of a position field; a source uses the same few names event after event. */
  @SuppressWarnings("ReferenceEquality") // a cache hit test, as above
  private byte[] positionName(String name) {
    for (int i = 0; i < recentPositionNames.length; i++) {
      if (recentPositionNames[i] == name) {
        return recentPositionPrefixes[i];
      }
    }
    byte[] encoded = positionNames.computeIfAbsent(name, EnvelopeWriter::encodeName);
    recentPositionNames[nextPositionName] = name;
    recentPositionPrefixes[nextPositionName] = encoded;
    nextPositionName = (nextPositionName + 1) % recentPositionNames.length;
    return encoded;
  }

  @SuppressWarnings(
      "ReferenceEquality") // a cache hit test: equal but distinct strings just re-encode
  private byte[] sourcePrefix(SourceInfo s) {
    SourceInfo last = lastSource;
    if (last != null
        && last.connector() == s.connector()
        && last.name() == s.name()
        && last.db() == s.db()
        && last.schema() == s.schema()
        && last.table() == s.table()) {
      return lastSourcePrefix;
    }
    JsonWriter w = new JsonWriter(128);
    w.bytes(SOURCE).string(s.connector());
    w.bytes(NAME).string(s.name());
    w.bytes(DB).value(s.db());
    w.bytes(SCHEMA).value(s.schema());
    w.bytes(TABLE).value(s.table());
    lastSource = s;
    lastSourcePrefix = w.toByteArray();
    return lastSourcePrefix;
  }

  private void transaction(TransactionInfo t) {
    if (t == null) {
      json.value(null);
      return;
    }
    json.bytes(transactionId(t.id()));
    json.bytes(TOTAL).number(t.totalOrder());
    json.bytes(PER_TABLE).number(t.dataCollectionOrder());
    json.raw('}');
  }

  /** {@code {"id":"…"}: one transaction's events share the id, so it is encoded once. */
  @SuppressWarnings("ReferenceEquality") // a cache hit test, as above
  private byte[] transactionId(String id) {
    if (id != lastTransactionId) {
      lastTransactionIdField = field(TX_ID, id);
      lastTransactionId = id;
    }
    return lastTransactionIdField;
  }

  private static byte[] encodeName(String name) {
    return new JsonWriter(32).raw(',').name(name).toByteArray();
  }

  /**
   * {@code prefix} followed by {@code value} as a JSON string, encoded once to be written often.
   */
  private static byte[] field(byte[] prefix, String value) {
    return new JsonWriter(prefix.length + value.length() + 16)
        .bytes(prefix)
        .string(value)
        .toByteArray();
  }

  private static byte[][] opFields() {
    Op[] ops = Op.values();
    byte[][] out = new byte[ops.length][];
    for (Op op : ops) {
      out[op.ordinal()] = field(OP, op.code());
    }
    return out;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
