package io.tributary.bench.jmh;

import io.tributary.api.ChangeEvent;
import io.tributary.api.Op;
import io.tributary.api.SourceInfo;
import io.tributary.api.envelope.EnvelopeTemplate;
import io.tributary.api.envelope.EnvelopeWriter;
import io.tributary.api.json.JsonWriter;
import io.tributary.postgres.catalog.TableId;
import io.tributary.postgres.event.RowJson;
import io.tributary.postgres.event.TableSchema;
import io.tributary.postgres.event.TextFields;
import io.tributary.postgres.types.CopyTextParser;
import io.tributary.postgres.types.TextValueConverter;
import io.tributary.postgres.types.TypeRegistry;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One snapshot row of the end-to-end benchmark's table ({@code int8 id, text, numeric(12,2),
 * timestamptz}), from its COPY text line to the bytes of its key and envelope: decoded into values
 * first (how rows went before ADR 0006, and how they still go when values are needed), or written
 * straight from the text ({@link RowJson} into an {@link EnvelopeTemplate}). Both produce the same
 * bytes (unit-tested); the score is nanoseconds per row.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RowEncodingBenchmark {
  private static final int ROWS = 1_000;
  private static final List<String> COLUMNS = List.of("id", "name", "amount", "created_at");

  private final TableSchema schema =
      TableSchema.of(
          new TableId("public", "snap_t"),
          "bench.public.snap_t",
          COLUMNS,
          new int[] {20, 25, 1700, 1184},
          new int[] {0});
  private final TextValueConverter converter = new TextValueConverter(new TypeRegistry());
  private final RowJson rows = new RowJson(schema, converter);
  private final CopyTextParser parser = new CopyTextParser();
  private final TextFields fields = new TextFields();
  private final EnvelopeWriter envelopes = new EnvelopeWriter();
  private final JsonWriter out = new JsonWriter(1 << 20);
  private byte[][] lines;
  private SourceInfo source;
  private EnvelopeTemplate template;

  @Setup
  public void setUp() {
    lines = new byte[ROWS][];
    for (int i = 0; i < ROWS; i++) {
      long id = 1_000_000L + i;
      lines[i] =
          (id
                  + "\tcustomer-"
                  + id
                  + "\t"
                  + (id % 100_000) / 100
                  + "."
                  + String.format("%02d", id % 100)
                  + "\t2024-01-12 13:46:"
                  + String.format("%02d", i % 60)
                  + "+00\n")
              .getBytes(StandardCharsets.UTF_8);
    }
    Map<String, Object> position = new LinkedHashMap<>();
    position.put("txId", null);
    position.put("lsn", 352_219_616L);
    source =
        new SourceInfo(
            "postgresql",
            "bench",
            "bench",
            "public",
            "snap_t",
            1_795_742_885_357L,
            "true",
            position);
    template = envelopes.template(event(null, "snapshot:public.snap_t:83-166:"));
  }

  /** COPY line → String fields → Java values → ChangeEvent → key and envelope bytes. */
  @Benchmark
  @org.openjdk.jmh.annotations.OperationsPerInvocation(ROWS)
  public int decodeThenEncode() {
    int bytes = 0;
    for (int i = 0; i < ROWS; i++) {
      String[] texts = parser.parse(lines[i]);
      int[] types = schema.typeOids();
      Object[] values = new Object[types.length];
      for (int c = 0; c < values.length; c++) {
        values[c] = texts[c] == null ? null : converter.convert(types[c], texts[c]);
      }
      ChangeEvent e = event(values, "snapshot:public.snap_t:83-166:" + i);
      bytes += envelopes.key(e).length + envelopes.value(e).length;
    }
    return bytes;
  }

  /** COPY line → fields located in place → key and envelope bytes written from the text. */
  @Benchmark
  @org.openjdk.jmh.annotations.OperationsPerInvocation(ROWS)
  public int textToJson() {
    int bytes = 0;
    for (int i = 0; i < ROWS; i++) {
      parser.split(lines[i], fields);
      out.reset();
      rows.key(fields, out);
      out.bytes(template.head());
      rows.row(fields, out);
      out.bytes(template.middle()).number(i).bytes(template.tail());
      bytes += out.length();
    }
    return bytes;
  }

  private ChangeEvent event(Object[] values, String idempotencyKey) {
    return new ChangeEvent(
        schema.stream(),
        Op.READ,
        values == null ? null : schema.key(values),
        null,
        values == null ? null : schema.row(values),
        source,
        null,
        1_795_742_885_382L,
        idempotencyKey);
  }
}
