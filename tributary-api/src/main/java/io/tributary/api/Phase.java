package io.tributary.api;

/** What a running task is doing, as it reports it to the engine. */
public enum Phase {
  SNAPSHOTTING,
  STREAMING
}
