package io.tributary.server.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.config.Parsed;
import io.tributary.server.store.DocumentRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Alert rules (kept in memory, written through to the metadata store) and the alert history (each
 * event with its delivery outcome). Thread-safe.
 */
public final class AlertStore {
  private static final String RULE = "alert-rule";
  private static final String EVENT = "alert";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final DocumentRepository documents;
  private final List<AlertRule> rules = new CopyOnWriteArrayList<>();

  public AlertStore(DocumentRepository documents) {
    this.documents = documents;
    for (Map.Entry<String, String> e : documents.all(RULE).entrySet()) {
      if (AlertRuleJson.parse(read(e.getValue()), e.getKey())
          instanceof Parsed.Valid<AlertRule> v) {
        rules.add(v.value());
      }
    }
  }

  public List<AlertRule> rules() {
    return List.copyOf(rules);
  }

  public Optional<AlertRule> rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  public void putRule(AlertRule rule, Instant now) {
    documents.put(RULE, rule.id(), AlertRuleJson.toJson(rule).toString(), now);
    rules.removeIf(r -> r.id().equals(rule.id()));
    rules.add(rule);
  }

  public boolean deleteRule(String id) {
    rules.removeIf(r -> r.id().equals(id));
    return documents.delete(RULE, id);
  }

  /** Records an event whose delivery is pending; returns its id. */
  public String recordEvent(AlertEvent event) {
    String id =
        String.format(
            "%013d-%s", event.at().toEpochMilli(), UUID.randomUUID().toString().substring(0, 8));
    documents.put(EVENT, id, AlertEventJson.toJson(id, event, null).toString(), event.at());
    return id;
  }

  /** Records how the delivery of event {@code id} ended. */
  public void recordDelivery(String id, DeliveryResult result) {
    documents.put(
        EVENT,
        id,
        AlertEventJson.toJson(id, result.event(), result).toString(),
        result.event().at());
  }

  /** The latest events, newest first, as the API shows them. */
  public List<JsonNode> history(int limit) {
    return documents.latest(EVENT, limit).stream().map(AlertStore::read).toList();
  }

  private static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored alert document is not JSON", e);
    }
  }
}
