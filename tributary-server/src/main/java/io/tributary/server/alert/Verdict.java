package io.tributary.server.alert;

import java.time.Instant;

/** Whether a {@link Condition} holds for one {@link Observation}. */
sealed interface Verdict {

  /**
   * The condition holds.
   *
   * @param since since when it has held, when the observation tells; {@code null} when only the
   *     evaluator can know, by remembering when it first saw it hold
   */
  record Breached(Instant since) implements Verdict {}

  /** The condition does not hold. */
  record Clear() implements Verdict {}

  /** The observation lacks what the condition needs (e.g. the retained WAL is unknown). */
  record Unknown() implements Verdict {}
}
