package io.tributary.api.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the name a misspelled one most likely meant, by edit distance, for error messages. */
public final class Suggestions {
  private Suggestions() {}

  /** The closest of {@code known} to {@code given}, if close enough to be a typo. */
  public static Optional<String> closest(String given, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int d =
          EditDistance.between(given.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return bestDistance <= Math.max(2, given.length() / 3)
        ? Optional.ofNullable(best)
        : Optional.empty();
  }

  /** "; did you mean 'x'?" or an empty string. */
  public static String hint(String given, Collection<String> known) {
    return closest(given, known).map(c -> "; did you mean '" + c + "'?").orElse("");
  }
}
