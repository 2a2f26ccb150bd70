package io.tributary.server.http;

import io.javalin.http.Context;

/** Handles one API request on behalf of an authenticated caller (null for open endpoints). */
@FunctionalInterface
public interface ApiHandler {
  void handle(Context ctx, Caller caller) throws Exception;
}
