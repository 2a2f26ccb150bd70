package io.tributary.server.http;

import static io.tributary.server.http.Json.obj;

import io.javalin.http.Context;
import io.tributary.api.config.DurationText;
import io.tributary.log.LogReader;
import io.tributary.log.LogRecord;
import io.tributary.log.ReadResult;
import io.tributary.server.connector.ConnectorService;
import io.tributary.server.connector.NotFoundException;
import io.tributary.server.security.Permission;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Consumers read streams over HTTP: pages of events after an offset (long-polling when caught up),
 * and a Server-Sent Events live tail. Events are sent as the log holds them, byte for byte.
 */
final class StreamRoutes {
  private static final String TAG = "streams";
  private static final Duration MAX_WAIT = Duration.ofSeconds(60);
  private static final Duration TAIL_POLL = Duration.ofSeconds(15);

  private final ConnectorService connectors;
  private final BooleanSupplier stopping;

  StreamRoutes(ConnectorService connectors, BooleanSupplier stopping) {
    this.connectors = connectors;
    this.stopping = stopping;
  }

  List<Route> routes() {
    return List.of(
        Route.get(
            "/api/v1/streams", Permission.READ, TAG, "Every stream of every connector", this::list),
        Route.get(
            "/api/v1/streams/{stream}/events",
            Permission.READ,
            TAG,
            "Events after an offset (long-polls with wait=…)",
            this::events),
        Route.get(
            "/api/v1/streams/{stream}/tail",
            Permission.READ,
            TAG,
            "Live tail as Server-Sent Events",
            this::tail));
  }

  private void list(Context ctx, Caller caller) throws IOException {
    List<Object> streams = new ArrayList<>();
    for (String name : connectors.names()) {
      Path dir = connectors.logDirectory(name);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (LogReader reader = LogReader.open(dir)) {
        for (String s : reader.streams()) {
          long end = reader.endOffset(s);
          streams.add(
              obj(
                  "name",
                  s,
                  "connector",
                  name,
                  "events",
                  end - reader.earliestOffset(s),
                  "next_offset",
                  end));
        }
      }
    }
    Json.ok(ctx, obj("streams", streams));
  }

  private void events(Context ctx, Caller caller) throws IOException, InterruptedException {
    String stream = ctx.pathParam("stream");
    long after = Params.longParam(ctx, "after", -1);
    int limit = Params.intParam(ctx, "limit", 100, 1, 10_000);
    Duration wait = waitParam(ctx);
    try (LogReader reader = reader(stream)) {
      long from = after < 0 ? reader.earliestOffset(stream) : after + 1;
      ReadResult r = reader.poll(stream, from, limit, wait);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write("{\"events\":[".getBytes(StandardCharsets.UTF_8));
      boolean first = true;
      for (LogRecord record : r.records()) {
        if (!first) {
          out.write(',');
        }
        first = false;
        out.write(record.value());
      }
      long next = r.records().isEmpty() ? from - 1 : r.records().getLast().offset();
      out.write(("],\"next\":" + next + "}").getBytes(StandardCharsets.UTF_8));
      ctx.contentType("application/json").result(out.toByteArray());
    }
  }

  /** Writes events as they are committed until the client goes away or the server stops. */
  private void tail(Context ctx, Caller caller) throws IOException, InterruptedException {
    String stream = ctx.pathParam("stream");
    String lastId = ctx.header("Last-Event-ID");
    long after = lastId != null ? parseOffset(lastId) : Params.longParam(ctx, "after", -1);
    try (LogReader reader = reader(stream)) {
      long next = after < 0 ? reader.endOffset(stream) : after + 1;
      ctx.status(200);
      ctx.res().setContentType("text/event-stream");
      ctx.res().setCharacterEncoding("UTF-8");
      ctx.res().setHeader("Cache-Control", "no-cache");
      ctx.res().setHeader("X-Accel-Buffering", "no");
      OutputStream out = ctx.res().getOutputStream();
      out.write(": tail of ".getBytes(StandardCharsets.UTF_8));
      out.write(stream.getBytes(StandardCharsets.UTF_8));
      out.write("\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      while (!stopping.getAsBoolean()) {
        ReadResult r = reader.poll(stream, next, 500, TAIL_POLL);
        if (r.records().isEmpty()) {
          out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
        }
        for (LogRecord record : r.records()) {
          out.write(("id: " + record.offset() + "\ndata: ").getBytes(StandardCharsets.UTF_8));
          out.write(record.value());
          out.write("\n\n".getBytes(StandardCharsets.UTF_8));
          next = record.offset() + 1;
        }
        out.flush(); // throws once the client has gone
      }
    } catch (IOException e) {
      // the client went away: nothing to answer
    }
  }

  private LogReader reader(String stream) throws IOException {
    int dot = stream.indexOf('.');
    String connector = dot < 0 ? stream : stream.substring(0, dot);
    Path dir;
    try {
      dir = connectors.logDirectory(connector);
    } catch (NotFoundException e) {
      throw ApiException.notFound(noStream(stream));
    }
    if (!Files.isDirectory(dir)) {
      throw ApiException.notFound(noStream(stream));
    }
    LogReader reader = LogReader.open(dir);
    if (!reader.streams().contains(stream)) {
      reader.close();
      throw ApiException.notFound(noStream(stream));
    }
    return reader;
  }

  private static Duration waitParam(Context ctx) {
    String text = ctx.queryParam("wait");
    if (text == null || text.isEmpty()) {
      return Duration.ZERO;
    }
    return DurationText.parse(text)
        .filter(d -> d.compareTo(MAX_WAIT) <= 0)
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    "'wait' must be a duration from 0s to 60s, like 30s or 500ms, was '"
                        + text
                        + "'"));
  }

  private static long parseOffset(String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("Last-Event-ID must be an event offset, was '" + text + "'");
    }
  }

  private static String noStream(String stream) {
    return "no stream named '" + stream + "'; list them with GET /api/v1/streams";
  }
}
