package io.tributary.postgres.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.FatalException;
import io.tributary.api.SourceInfo;
import io.tributary.postgres.catalog.TableId;
import io.tributary.postgres.event.TableSchema;
import io.tributary.postgres.types.TextValueConverter;
import io.tributary.postgres.types.TypeRegistry;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChunkCopierTest {
  private static final TableId TABLE = new TableId("public", "docs");
  private static final Chunk CHUNK = new Chunk(TABLE, TABLE, 40, 80);

  private final TableSchema schema =
      TableSchema.of(
          TABLE, "shop.public.docs", List.of("id", "doc"), new int[] {20, 25}, new int[] {0});

  @Test
  void encodesEveryRowOfAChunkWithinTheLimit() throws Exception {
    ChunkCopier copier = copier(1 << 20);

    ChunkResult result = copier.encode(CHUNK, lines(100, 1_000), 1_700_000_000_000L);

    assertThat(result.events().size()).isEqualTo(100);
    assertThat(result.chunk()).isEqualTo(CHUNK);
    String last =
        new String(
            result.events().bytes(),
            result.events().valueOffset(99),
            result.events().valueLength(99),
            StandardCharsets.UTF_8);
    assertThat(last).contains("\"id\":99").contains("\"snapshot\":\"true\"");
  }

  @Test
  void aChunkOfRowsTooWideForTheHeapFailsWithAdviceInsteadOfRunningOutOfMemory() {
    ChunkCopier copier = copier(64 << 10);

    assertThatThrownBy(() -> copier.encode(CHUNK, lines(100, 10_000), 1_700_000_000_000L))
        .isInstanceOf(FatalException.class)
        .hasMessageContaining("snapshot chunk " + CHUNK.id() + " of public.docs")
        .hasMessageContaining("more than 64 KiB of events after 7 rows (about 10 KiB each)")
        .hasMessageContaining("TRIBUTARY_JAVA_OPTS=-Xmx1g")
        .hasMessageContaining("resumes where it stopped");
  }

  @Test
  void aSingleRowTooWideForTheHeapFailsBeforeItIsWritten() {
    ChunkCopier copier = copier(64 << 10);

    assertThatThrownBy(() -> copier.encode(CHUNK, lines(3, 100_000), 1_700_000_000_000L))
        .isInstanceOf(FatalException.class)
        .hasMessageContaining("row 0 of snapshot chunk " + CHUNK.id() + " of public.docs is 97 KiB")
        .hasMessageContaining("more than 64 KiB")
        .hasMessageContaining("TRIBUTARY_JAVA_OPTS=-Xmx1g");
  }

  private ChunkCopier copier(long maxChunkBytes) {
    Map<String, Object> position = new LinkedHashMap<>();
    position.put("txId", null);
    position.put("lsn", 1L);
    SourceInfo source =
        new SourceInfo("postgresql", "shop", "shop", "public", "docs", 0, "true", position);
    return new ChunkCopier(
        Map.of(TABLE.toString(), schema),
        Map.of(TABLE.toString(), source),
        new TextValueConverter(new TypeRegistry()),
        maxChunkBytes);
  }

  /** {@code rows} COPY text lines, each with a document of {@code docBytes} letters. */
  private static ChunkCopier.Lines lines(int rows, int docBytes) {
    String doc = "x".repeat(docBytes);
    int[] next = {0};
    return () ->
        next[0] < rows ? (next[0]++ + "\t" + doc + "\n").getBytes(StandardCharsets.UTF_8) : null;
  }
}
