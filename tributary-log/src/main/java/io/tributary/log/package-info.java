/**
 * The embedded durable log: per-stream, segmented, append-only files with a CRC per record, written
 * by one process and read by any number of others.
 *
 * <h2>Layout of a log directory</h2>
 *
 * <pre>
 * lock                              OS file lock held by the one {@link io.tributary.log.LogWriter}
 * checkpoints                       16-byte header (magic, random generation), then one CRC'd record
 *                                   per commit: sequence, time, source position, end of every stream
 * streams/&lt;encoded stream name&gt;/
 *     00000000000000000000.log      records from offset 0 (name = base offset, 20 digits)
 *     00000000000000000000.index    sparse index: (relative offset, position) every ~4 KiB
 *     00000000000000012345.log      the next segment, from offset 12345
 * </pre>
 *
 * Record and checkpoint formats are described by {@link io.tributary.log.segment.RecordFormat} and
 * {@link io.tributary.log.checkpoint.CheckpointCodec}.
 *
 * <h2>Commit protocol</h2>
 *
 * A commit appends the records of all streams, forces every touched segment (and new directory
 * entries) to the device, then appends one checkpoint record and forces it. The checkpoint is the
 * commit point: a record is committed if and only if its offset is below its stream's end in the
 * last valid checkpoint. On open, the writer cuts every stream back to that end and rewrites the
 * checkpoint file, so whatever a crash left behind (unfinished appends, torn records, a torn
 * checkpoint) is gone.
 *
 * <h2>Page cache</h2>
 *
 * Once forced, a segment's bytes but its newest 4 MiB are dropped from the page cache, and a closed
 * segment's all of them ({@link io.tributary.log.segment.PageCache}, docs/adr/0007): the log does
 * not grow the cache by everything it writes.
 *
 * <h2>Readers</h2>
 *
 * A {@link io.tributary.log.LogReader} learns the committed ends from the checkpoint file (re-read
 * only when its size, modification time or identity changed) and never reads past them. Data is
 * written before the checkpoint naming it, so every committed record is complete in the file by the
 * time a reader can know of it. The index is untrusted: a reader checks the record an entry points
 * to and falls back to scanning the segment. A read returns at most the records asked for and about
 * 8 MiB of them (at least one record).
 */
package io.tributary.log;
