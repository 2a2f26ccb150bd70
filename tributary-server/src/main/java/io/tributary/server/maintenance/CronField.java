package io.tributary.server.maintenance;

/**
 * One parsed field of a cron expression: the set of values it matches, as bits.
 *
 * @param bits bit {@code v} is set when the field matches value {@code v}; a day-of-week 7 is
 *     stored as 0 (both are Sunday)
 * @param star whether the field was written starting with {@code *}; Vixie cron treats such a
 *     day-of-month or day-of-week field as unrestricted when combining the two
 */
record CronField(long bits, boolean star) {

  /** Parses one field; throws {@link IllegalArgumentException} naming the field and the problem. */
  static CronField parse(CronUnit unit, String text) {
    long bits = 0;
    for (String item : text.split(",", -1)) {
      if (item.isEmpty()) {
        throw unit.error("empty item in the list '" + text + "'; separate values by one comma");
      }
      bits |= item(unit, item);
    }
    if (unit == CronUnit.DAY_OF_WEEK && (bits & (1L << 7)) != 0) {
      bits = (bits & ~(1L << 7)) | 1L;
    }
    return new CronField(bits, text.startsWith("*"));
  }

  /** Whether the field matches {@code value}. */
  boolean has(int value) {
    return (bits & (1L << value)) != 0;
  }

  /** The smallest matched value at least {@code from}, or -1. */
  int next(int from) {
    if (from >= Long.SIZE) {
      return -1;
    }
    long rest = bits & (-1L << from);
    return rest == 0 ? -1 : Long.numberOfTrailingZeros(rest);
  }

  /** The smallest matched value, or -1 when none. */
  int first() {
    return next(0);
  }

  private static long item(CronUnit unit, String item) {
    int slash = item.indexOf('/');
    String range = slash < 0 ? item : item.substring(0, slash);
    int step = slash < 0 ? 1 : step(unit, item, item.substring(slash + 1));
    int from;
    int to;
    if (range.equals("*")) {
      from = unit.min();
      to = unit.max();
    } else if (range.indexOf('-') < 0) {
      if (slash >= 0) {
        throw unit.error(
            "the step '"
                + item
                + "' needs a range or *; write "
                + range
                + "-"
                + unit.max()
                + "/"
                + step
                + " or */"
                + step);
      }
      from = value(unit, range, item);
      to = from;
    } else {
      String[] ends = range.split("-", -1);
      if (ends.length != 2) {
        throw unit.error("'" + range + "' is not a range; write it as from-to, e.g. 1-5");
      }
      from = value(unit, ends[0], item);
      to = value(unit, ends[1], item);
      if (from > to) {
        throw unit.error(
            "the range "
                + range
                + " goes backwards; ranges do not wrap around, so write the smaller value first"
                + " or use a list such as 22-23,0-2");
      }
    }
    long bits = 0;
    for (int v = from; v <= to; v += step) {
      bits |= 1L << v;
    }
    return bits;
  }

  private static int step(CronUnit unit, String item, String text) {
    if (!isNumber(text)) {
      throw unit.error(
          "the step in '" + item + "' must be a whole number after the /, e.g. */15 or 10-50/10");
    }
    int step = text.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(text);
    if (step < 1 || step > unit.max()) {
      throw unit.error(
          "the step in '" + item + "' is out of range 1-" + unit.max() + "; e.g. */15 or 10-50/10");
    }
    return step;
  }

  private static int value(CronUnit unit, String text, String item) {
    if (text.isEmpty()) {
      throw unit.error("'" + item + "' is missing a value; allowed values are " + unit.allowed());
    }
    int value;
    if (isNumber(text)) {
      // more than 3 digits is out of every field's range; this also avoids int overflow
      value = text.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(text);
    } else {
      value = unit.valueOfName(text);
      if (value < 0) {
        throw unit.error(
            "'" + text + "' is not a valid value; allowed values are " + unit.allowed());
      }
    }
    if (value < unit.min() || value > unit.max()) {
      throw unit.error(text + " is out of range " + unit.allowed());
    }
    return value;
  }

  private static boolean isNumber(String text) {
    return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
