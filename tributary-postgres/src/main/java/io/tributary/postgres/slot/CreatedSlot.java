package io.tributary.postgres.slot;

import io.tributary.api.offset.Lsn;
import java.sql.Connection;

/**
 * A slot just created with an exported snapshot. The snapshot stays importable only while {@code
 * connection} is open and idle: keep it until every snapshot worker imported it.
 *
 * @param consistentPoint where streaming starts: every change after the snapshot
 * @param snapshotName the exported snapshot, for {@code SET TRANSACTION SNAPSHOT}
 * @param connection the replication connection that holds the exported snapshot
 */
public record CreatedSlot(Lsn consistentPoint, String snapshotName, Connection connection) {}
