package io.tributary.log;

import io.tributary.log.checkpoint.CheckpointFile;
import java.nio.file.Path;

/**
 * Where things are in a log directory:
 *
 * <pre>
 * &lt;dir&gt;/lock                     held (OS file lock) by the one writer
 * &lt;dir&gt;/checkpoints              commit records: source position + end offset of every stream
 * &lt;dir&gt;/streams/&lt;stream&gt;/          one directory per stream, name encoded by {@link DirectoryNames}
 *     00000000000000000000.log    records from offset 0
 *     00000000000000000000.index  its sparse index
 * </pre>
 *
 * @param dir the log directory
 */
record LogLayout(Path dir) {

  Path lock() {
    return dir.resolve("lock");
  }

  Path checkpoints() {
    return CheckpointFile.path(dir);
  }

  Path streams() {
    return dir.resolve("streams");
  }

  Path stream(String name) {
    return streams().resolve(DirectoryNames.encode(name));
  }
}
