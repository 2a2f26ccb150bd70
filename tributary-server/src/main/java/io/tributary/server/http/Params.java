package io.tributary.server.http;

import io.javalin.http.Context;

/** Query and path parameters, parsed strictly: a bad value is a 400 that names it. */
final class Params {
  private Params() {}

  static int intParam(Context ctx, String name, int absent, int min, int max) {
    String text = ctx.queryParam(name);
    if (text == null || text.isEmpty()) {
      return absent;
    }
    return bounded(name, text, min, max);
  }

  static long longParam(Context ctx, String name, long absent) {
    String text = ctx.queryParam(name);
    if (text == null || text.isEmpty()) {
      return absent;
    }
    try {
      long v = Long.parseLong(text);
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "'" + name + "' must be a whole number ≥ 0, was '" + text + "'");
    }
  }

  static int intPath(Context ctx, String name) {
    return bounded(name, ctx.pathParam(name), 1, Integer.MAX_VALUE);
  }

  private static int bounded(String name, String text, int min, int max) {
    try {
      int v = Integer.parseInt(text);
      if (v < min || v > max) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "'"
              + name
              + "' must be a whole number from "
              + min
              + " to "
              + max
              + ", was '"
              + text
              + "'");
    }
  }
}
