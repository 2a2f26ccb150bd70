package io.tributary.postgres.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.postgres.catalog.TableId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChunkPlannerTest {
  private static final TableId T = new TableId("public", "t");

  @Test
  void splitsPagesIntoChunksOfAboutTheWantedRowsEndingOpen() {
    List<Chunk> chunks = ChunkPlanner.split(T, T, ChunkPlanner.PageStats.heapOnly(100, 50.0), 1000);
    assertThat(chunks)
        .extracting(Chunk::id)
        .containsExactly(
            "public.t:0-20",
            "public.t:20-40",
            "public.t:40-60",
            "public.t:60-80",
            "public.t:80-end");
    assertThat(chunks.getLast().ctidCondition()).isEqualTo("ctid >= '(80,0)'::tid");
    assertThat(chunks.getFirst().ctidCondition())
        .isEqualTo("ctid >= '(0,0)'::tid AND ctid < '(20,0)'::tid");
  }

  @Test
  void anEmptyTableIsOneOpenChunk() {
    assertThat(ChunkPlanner.split(T, T, ChunkPlanner.PageStats.heapOnly(0, 60), 1000))
        .extracting(Chunk::id)
        .containsExactly("public.t:0-end");
  }

  @Test
  void resumesWithTheGapsBetweenCompletedRanges() {
    List<Chunk> planned =
        ChunkPlanner.split(T, T, ChunkPlanner.PageStats.heapOnly(100, 50.0), 1000);
    List<Chunk> rest =
        ChunkPlanner.remaining(
            planned, List.of("public.t:20-40", "public.t:0-20", "public.t:60-80"));
    assertThat(rest).extracting(Chunk::id).containsExactly("public.t:40-60", "public.t:80-end");
  }

  @Test
  void nothingRemainsOnceTheOpenEndedChunkAndAllBeforeItAreDone() {
    List<Chunk> planned = ChunkPlanner.split(T, T, ChunkPlanner.PageStats.heapOnly(40, 50.0), 1000);
    assertThat(ChunkPlanner.remaining(planned, List.of("public.t:0-20", "public.t:20-end")))
        .isEmpty();
  }

  @Test
  void aTableThatGrewIsStillCoveredToItsEndInChunksOfThePlannedSize() {
    List<Chunk> replanned =
        ChunkPlanner.split(T, T, ChunkPlanner.PageStats.heapOnly(500, 50.0), 1000);
    List<Chunk> rest =
        ChunkPlanner.remaining(replanned, List.of("public.t:0-20", "public.t:20-40"));
    assertThat(rest).hasSize(23);
    assertThat(rest.getFirst().id()).isEqualTo("public.t:40-60");
    assertThat(rest.get(rest.size() - 2).id()).isEqualTo("public.t:460-480");
    assertThat(rest.getLast().id()).isEqualTo("public.t:480-end");
  }

  @Test
  void largeGapsAreSplitLikeAFreshPlanSoAResumeHoldsNoMoreRowsAtATime() {
    List<Chunk> planned =
        ChunkPlanner.split(
            T, T, ChunkPlanner.PageStats.heapOnly(200, 50.0), 1000); // 20 pages a chunk
    List<Chunk> rest =
        ChunkPlanner.remaining(planned, List.of("public.t:20-40", "public.t:100-120"));
    assertThat(rest)
        .extracting(Chunk::id)
        .containsExactly(
            "public.t:0-20",
            "public.t:40-60",
            "public.t:60-80",
            "public.t:80-100",
            "public.t:120-140",
            "public.t:140-160",
            "public.t:160-180",
            "public.t:180-end");
  }

  @Test
  void aSmallTableLeftInOneChunkStaysOne() {
    List<Chunk> planned = ChunkPlanner.split(T, T, ChunkPlanner.PageStats.heapOnly(10, 50.0), 1000);
    assertThat(ChunkPlanner.remaining(planned, List.of("public.t:0-4")))
        .extracting(Chunk::id)
        .containsExactly("public.t:4-end");
  }

  @Test
  void wideRowsMakeChunksOfAtMostAFewMegabytesWhateverTheRowCountAsked() {
    // 8 rows a page, each with ~74 KB of text stored compressed: 1,000 rows would be ~90 MB
    ChunkPlanner.PageStats wide = new ChunkPlanner.PageStats(1000, 8, 74_000);

    List<Chunk> chunks = ChunkPlanner.split(T, T, wide, 1000);

    long pagesPerChunk = chunks.get(0).toPage() - chunks.get(0).fromPage();
    assertThat(pagesPerChunk * wide.eventBytesPerPage())
        .isLessThanOrEqualTo(ChunkPlanner.PLANNED_CHUNK_BYTES);
    assertThat(pagesPerChunk).isEqualTo(5); // 4 MiB / 8 × (74,000 × 1.25 + 400) bytes a page
    assertThat(chunks.getLast().toPage()).isEqualTo(-1);
  }

  @Test
  void aLargeRowCountOnNarrowRowsIsCappedByBytesToo() {
    // the benchmark's table: ~120 rows of ~60 bytes a page, ~440 bytes of events a row
    ChunkPlanner.PageStats narrow = ChunkPlanner.PageStats.heapOnly(8400, 120);

    long asked = step(ChunkPlanner.split(T, T, narrow, 20_000));
    long byDefault = step(ChunkPlanner.split(T, T, narrow, 5_000));

    assertThat(byDefault).isEqualTo(41); // 5,000 rows: under the byte cap
    assertThat(asked).isEqualTo(72).isLessThan(20_000 / 120); // 4 MiB / 120 × (68 × 1.25 + 400)
  }

  @Test
  void aRowTooWideForTheCapStillMakesOnePageChunks() {
    ChunkPlanner.PageStats huge = new ChunkPlanner.PageStats(10, 1, 64 << 20); // 64 MB rows

    assertThat(ChunkPlanner.split(T, T, huge, 5_000)).hasSize(10);
  }

  @Test
  void pagesOfRowsTooWideForOneChunkAreCutIntoRangesOfLinePointers() {
    // 150 rows a page of 2 MB each (TOASTed, so many fit a page): a page would be ~375 MB of events
    ChunkPlanner.PageStats huge = new ChunkPlanner.PageStats(2, 150, 2_000_000);

    List<Chunk> chunks = ChunkPlanner.split(T, T, huge, 5_000);

    assertThat(chunks).hasSize(2 * 150);
    assertThat(chunks.get(0).id()).isEqualTo("public.t:0-0.2");
    assertThat(chunks.get(0).ctidCondition())
        .isEqualTo("ctid >= '(0,0)'::tid AND ctid < '(0,2)'::tid");
    assertThat(chunks.get(1).id()).isEqualTo("public.t:0.2-0.3");
    assertThat(chunks.get(149).id()).isEqualTo("public.t:0.150-1"); // the rest of page 0
    assertThat(chunks.get(150).id()).isEqualTo("public.t:1-1.2");
    assertThat(chunks.getLast().id()).isEqualTo("public.t:1.150-end");
    assertThat(chunks.getLast().ctidCondition()).isEqualTo("ctid >= '(1,150)'::tid");
  }

  @Test
  void aResumeOfLinePointerRangesCopiesWhatIsNotRecordedAsDone() {
    List<Chunk> planned =
        ChunkPlanner.split(T, T, new ChunkPlanner.PageStats(2, 3, 20_000_000), 5_000);
    assertThat(planned)
        .extracting(Chunk::id)
        .containsExactly(
            "public.t:0-0.2",
            "public.t:0.2-0.3",
            "public.t:0.3-1",
            "public.t:1-1.2",
            "public.t:1.2-1.3",
            "public.t:1.3-end");

    List<Chunk> rest =
        ChunkPlanner.remaining(
            planned, List.of("public.t:0.2-0.3", "public.t:0-0.2", "public.t:1-1.2"));

    assertThat(rest)
        .extracting(Chunk::id)
        .containsExactly("public.t:0.3-1", "public.t:1.2-1.3", "public.t:1.3-end");
  }

  @Test
  void rangesRecordedByAnEarlierPlanAreSubtractedWhateverTheirBoundaries() {
    // the first run planned whole pages; the table's rows grew wide, so the fresh plan cuts pages
    List<Chunk> planned =
        ChunkPlanner.split(T, T, new ChunkPlanner.PageStats(3, 3, 20_000_000), 5_000);

    List<Chunk> rest = ChunkPlanner.remaining(planned, List.of("public.t:0-1", "public.t:1-1.3"));

    assertThat(rest)
        .extracting(Chunk::id)
        .containsExactly(
            "public.t:1.3-2", "public.t:2-2.2", "public.t:2.2-2.3", "public.t:2.3-end");
  }

  @Test
  void completedChunksThatTouchAreRecordedAsOneRange() {
    TableId a = new TableId("public", "a");
    TableId b = new TableId("public", "b");
    Set<String> done = Set.of();
    for (Chunk chunk :
        List.of(
            new Chunk(a, a, 20, 40),
            new Chunk(a, a, 0, 20),
            new Chunk(b, b, 0, 20),
            new Chunk(a, a, 60, -1),
            new Chunk(a, a, 40, 0, 41, 2),
            new Chunk(a, a, 41, 2, 60, 0))) {
      done = ChunkPlanner.withDone(done, chunk);
    }

    assertThat(done).containsExactlyInAnyOrder("public.a:0-end", "public.b:0-20");
  }

  @Test
  void chunksWithGapsBetweenThemStaySeparateUntilTheGapIsDone() {
    TableId st = new TableId("s", "t");
    Set<String> done = ChunkPlanner.withDone(Set.of("we;ird,=:0-end"), new Chunk(st, st, 0, 10));
    done = ChunkPlanner.withDone(done, new Chunk(st, st, 20, 30));

    assertThat(done).containsExactlyInAnyOrder("s.t:0-10", "s.t:20-30", "we;ird,=:0-end");
    assertThat(ChunkPlanner.withDone(done, new Chunk(st, st, 10, 20)))
        .containsExactlyInAnyOrder("s.t:0-30", "we;ird,=:0-end");
  }

  private static long step(List<Chunk> chunks) {
    return chunks.get(0).toPage() - chunks.get(0).fromPage();
  }
}
