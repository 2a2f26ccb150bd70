package io.tributary.server.pipeline;

import io.tributary.api.SourceConnector;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The source connectors this process knows, by their {@link SourceConnector#type() type}. */
public final class Connectors {
  private final Map<String, SourceConnector> byType;

  private Connectors(List<SourceConnector> connectors) {
    this.byType =
        connectors.stream()
            .collect(
                Collectors.toMap(
                    SourceConnector::type, Function.identity(), (a, b) -> a, TreeMap::new));
  }

  /** Every connector on the class path, found through {@code META-INF/services}. */
  public static Connectors installed() {
    return new Connectors(
        ServiceLoader.load(SourceConnector.class).stream()
            .map(ServiceLoader.Provider::get)
            .toList());
  }

  public static Connectors of(SourceConnector... connectors) {
    return new Connectors(List.of(connectors));
  }

  public Optional<SourceConnector> find(String type) {
    return Optional.ofNullable(byType.get(type));
  }

  /** The known types, sorted. */
  public List<String> types() {
    return List.copyOf(byType.keySet());
  }
}
