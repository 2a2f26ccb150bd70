package io.tributary.api.offset;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The completed snapshot chunks of an offset, kept as few ranges as possible: a chunk ({@code
 * leaf:from-to}) that starts where a recorded range of the same leaf ends, or ends where one
 * starts, is merged with it. Without that the offset — written with every commit — listed every
 * chunk copied so far: thousands for a large table, so each commit wrote more than the last.
 * Boundaries are compared as written ({@code 41}, {@code 41.7}, {@code end}); the readers of the
 * ranges take a merged one as the chunks it covers.
 */
final class ChunkRanges {
  private ChunkRanges() {}

  /** {@code done} with {@code chunk} added, merged with the ranges it touches. */
  static Set<String> add(Set<String> done, String chunk) {
    TreeSet<String> out = new TreeSet<>(done);
    Range added = Range.of(chunk).orElse(null);
    if (added == null) {
      out.add(chunk);
      return out;
    }
    String from = added.from();
    String to = added.to();
    Optional<Range> before = find(out, added.leaf(), r -> r.to().equals(added.from()));
    if (before.isPresent()) {
      out.remove(before.get().id());
      from = before.get().from();
    }
    Optional<Range> after =
        added.to().equals("end")
            ? Optional.empty()
            : find(out, added.leaf(), r -> r.from().equals(added.to()));
    if (after.isPresent()) {
      out.remove(after.get().id());
      to = after.get().to();
    }
    out.add(added.leaf() + from + "-" + to);
    return out;
  }

  private static Optional<Range> find(
      Set<String> ids, String leaf, java.util.function.Predicate<Range> matches) {
    return ids.stream()
        .filter(id -> id.startsWith(leaf))
        .map(Range::of)
        .flatMap(Optional::stream)
        .filter(r -> r.leaf().equals(leaf) && matches.test(r))
        .findFirst();
  }

  /** A chunk identifier taken apart: {@code leaf} keeps its colon. */
  private record Range(String leaf, String from, String to) {
    static Optional<Range> of(String id) {
      int colon = id.lastIndexOf(':');
      int dash = id.indexOf('-', colon + 1);
      if (colon < 0 || dash < 0) {
        return Optional.empty();
      }
      return Optional.of(
          new Range(
              id.substring(0, colon + 1), id.substring(colon + 1, dash), id.substring(dash + 1)));
    }

    String id() {
      return leaf + from + "-" + to;
    }
  }
}
