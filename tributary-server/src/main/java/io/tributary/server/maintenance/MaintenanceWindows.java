package io.tributary.server.maintenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.config.Parsed;
import io.tributary.server.store.DocumentRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The stored maintenance windows and the occurrences ended early, with the calendar that says which
 * window covers a connector now and which comes next. Windows are kept in memory (they are few) and
 * written through to the metadata store. Thread-safe.
 */
public final class MaintenanceWindows {
  private static final String KIND = "maintenance-window";
  private static final String ENDED = "maintenance-ended";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final DocumentRepository documents;
  private final WindowCalendar calendar = new WindowCalendar();
  private final List<MaintenanceWindow> windows = new CopyOnWriteArrayList<>();
  private final Set<Occurrence> ended = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public MaintenanceWindows(DocumentRepository documents) {
    this.documents = documents;
    for (Map.Entry<String, String> e : documents.all(KIND).entrySet()) {
      if (MaintenanceWindowJson.parse(read(e.getValue()), e.getKey())
          instanceof Parsed.Valid<MaintenanceWindow> v) {
        windows.add(v.value());
      }
    }
    for (String json : documents.all(ENDED).values()) {
      JsonNode n = read(json);
      ended.add(
          new Occurrence(
              n.get("window_id").asText(),
              Instant.parse(n.get("start").asText()),
              Instant.parse(n.get("end").asText())));
    }
  }

  public List<MaintenanceWindow> all() {
    return List.copyOf(windows);
  }

  public Optional<MaintenanceWindow> find(String id) {
    return windows.stream().filter(w -> w.id().equals(id)).findFirst();
  }

  /** Adds or replaces the window with the same id. */
  public void put(MaintenanceWindow window, Instant now) {
    documents.put(KIND, window.id(), MaintenanceWindowJson.toJson(window).toString(), now);
    windows.removeIf(w -> w.id().equals(window.id()));
    windows.add(window);
  }

  public boolean delete(String id) {
    windows.removeIf(w -> w.id().equals(id));
    return documents.delete(KIND, id);
  }

  /**
   * Ends the window's current occurrence now.
   *
   * @return the occurrence ended, or empty when the window is not active
   */
  public Optional<Occurrence> endNow(String id, Instant now) {
    Optional<Occurrence> active = find(id).flatMap(w -> calendar.active(w, now, endedEarly()));
    active.ifPresent(
        o -> {
          ended.add(o);
          documents.put(
              ENDED,
              o.windowId() + "@" + o.start(),
              MAPPER
                  .createObjectNode()
                  .put("window_id", o.windowId())
                  .put("start", o.start().toString())
                  .put("end", o.end().toString())
                  .toString(),
              now);
        });
    return active;
  }

  /** The occurrence covering {@code connector} at {@code now}, if any (global windows count). */
  public Optional<Occurrence> activeFor(String connector, Instant now) {
    forgetPast(now);
    return calendar.activeFor(connector, now, windows, endedEarly());
  }

  public Optional<Occurrence> nextFor(String connector, Instant now) {
    return calendar.nextFor(connector, now, windows);
  }

  public Optional<Occurrence> active(MaintenanceWindow w, Instant now) {
    return calendar.active(w, now, endedEarly());
  }

  public Optional<Occurrence> next(MaintenanceWindow w, Instant now) {
    return calendar.next(w, now);
  }

  private Set<Occurrence> endedEarly() {
    return new HashSet<>(ended);
  }

  private void forgetPast(Instant now) {
    Collection<Occurrence> past = new ArrayList<>();
    for (Occurrence o : ended) {
      if (o.end().isBefore(now)) {
        past.add(o);
      }
    }
    for (Occurrence o : past) {
      ended.remove(o);
      documents.delete(ENDED, o.windowId() + "@" + o.start());
    }
  }

  private static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored maintenance document is not JSON", e);
    }
  }
}
