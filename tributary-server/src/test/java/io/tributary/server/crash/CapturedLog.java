package io.tributary.server.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.log.LogReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads what a pipeline committed to its log, from outside the process that writes it. */
final class CapturedLog {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path dir;

  CapturedLog(Path dir) {
    this.dir = dir;
  }

  List<JsonNode> events(String stream) {
    try (LogReader reader = LogReader.open(dir)) {
      List<JsonNode> out = new ArrayList<>();
      reader.forEach(stream, r -> out.add(parse(r.value())));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long count(String stream) {
    try (LogReader reader = LogReader.open(dir)) {
      return reader.streams().contains(stream) ? reader.endOffset(stream) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Optional<String> committedPosition() {
    try (LogReader reader = LogReader.open(dir)) {
      return reader.committedPosition();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Applies the events in order to an empty table: id → v. */
  static Map<Integer, Integer> replay(List<JsonNode> events) {
    Map<Integer, Integer> rows = new HashMap<>();
    for (JsonNode e : events) {
      switch (e.get("op").asText()) {
        case "d" -> rows.remove(e.get("before").get("id").asInt());
        case "t" -> rows.clear();
        default -> rows.put(e.get("after").get("id").asInt(), e.get("after").get("v").asInt());
      }
    }
    return rows;
  }
}
