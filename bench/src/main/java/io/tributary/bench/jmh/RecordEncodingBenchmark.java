package io.tributary.bench.jmh;

import io.tributary.log.segment.RecordBytes;
import io.tributary.log.segment.RecordFormat;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One log record the size of a snapshot row's (a 13-byte key, a 380-byte envelope) encoded into the
 * log writer's 512 KiB write buffer ({@link RecordFormat#write}): through a heap buffer's array
 * (the writer's buffers since ADR 0007) or through a direct buffer's {@code put} calls. Nanoseconds
 * per record; run it with the launcher's C1-only flags too ({@code -jvmArgsAppend
 * "-XX:TieredStopAtLevel=1"}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RecordEncodingBenchmark {
  @Param({"heap", "direct"})
  public String buffer;

  private final CRC32C crc = new CRC32C();
  private final RecordBytes record = new RecordBytes();
  private ByteBuffer out;
  private long offset;

  @Setup
  public void setUp() {
    out =
        buffer.equals("heap")
            ? ByteBuffer.allocate(512 << 10)
            : ByteBuffer.allocateDirect(512 << 10);
    byte[] bytes = new byte[13 + 380];
    Arrays.fill(bytes, (byte) 'x');
    record.set(bytes, 0, 13, bytes, 13, 380);
  }

  @Benchmark
  public int encode() {
    if (out.remaining() < record.recordSize()) {
      out.clear();
    }
    RecordFormat.write(out, crc, offset++, 1_700_000_000_000L, record);
    return out.position();
  }
}
