package io.tributary.server.http;

import io.tributary.server.connector.ConnectorState;
import io.tributary.server.connector.ConnectorStatus;
import java.util.Map;

/** The Prometheus text exposition of every connector's health. */
final class PrometheusMetrics {
  private PrometheusMetrics() {}

  static String render(Map<String, ConnectorStatus> connectors) {
    StringBuilder out = new StringBuilder();
    help(
        out,
        "tributary_connector_events_total",
        "counter",
        "Events written durably since the server started the connector.");
    for (Map.Entry<String, ConnectorStatus> d : connectors.entrySet()) {
      sample(out, "tributary_connector_events_total", d.getKey(), null, d.getValue().eventsTotal());
    }
    help(
        out,
        "tributary_connector_events_per_second",
        "gauge",
        "Events per second over the last 10 s.");
    for (Map.Entry<String, ConnectorStatus> d : connectors.entrySet()) {
      sample(
          out,
          "tributary_connector_events_per_second",
          d.getKey(),
          null,
          d.getValue().eventsPerSecond());
    }
    help(
        out,
        "tributary_connector_lag_bytes",
        "gauge",
        "Source log bytes not yet captured (-1 unknown).");
    for (Map.Entry<String, ConnectorStatus> d : connectors.entrySet()) {
      sample(out, "tributary_connector_lag_bytes", d.getKey(), null, d.getValue().lagBytes());
    }
    help(
        out,
        "tributary_connector_lag_seconds",
        "gauge",
        "How far behind the source the connector is (-1 unknown).");
    for (Map.Entry<String, ConnectorStatus> d : connectors.entrySet()) {
      sample(out, "tributary_connector_lag_seconds", d.getKey(), null, d.getValue().lagSeconds());
    }
    help(
        out,
        "tributary_connector_retained_bytes",
        "gauge",
        "Source log kept for the connector (PostgreSQL: WAL its slot holds back; -1 unknown).");
    for (Map.Entry<String, ConnectorStatus> d : connectors.entrySet()) {
      sample(
          out,
          "tributary_connector_retained_bytes",
          d.getKey(),
          null,
          d.getValue().retainedBytes());
    }
    help(
        out,
        "tributary_connector_errors",
        "gauge",
        "Errors the connector has recorded (the latest 20 are kept).");
    for (Map.Entry<String, ConnectorStatus> d : connectors.entrySet()) {
      sample(out, "tributary_connector_errors", d.getKey(), null, d.getValue().errors().size());
    }
    help(
        out,
        "tributary_connector_state",
        "gauge",
        "1 for the connector's current state, 0 for the others.");
    for (Map.Entry<String, ConnectorStatus> d : connectors.entrySet()) {
      for (ConnectorState s : ConnectorState.values()) {
        sample(
            out,
            "tributary_connector_state",
            d.getKey(),
            "state=\"" + s.name() + "\"",
            s == d.getValue().state() ? 1 : 0);
      }
    }
    help(
        out,
        "tributary_connector_snapshot_rows",
        "gauge",
        "Rows copied by the snapshot, per table.");
    for (Map.Entry<String, ConnectorStatus> d : connectors.entrySet()) {
      for (ConnectorStatus.TableProgress t : d.getValue().snapshot()) {
        sample(
            out,
            "tributary_connector_snapshot_rows",
            d.getKey(),
            "table=\"" + escape(t.table()) + "\"",
            t.rowsDone());
      }
    }
    help(
        out,
        "tributary_connector_snapshot_rows_estimated",
        "gauge",
        "Rows the snapshot expects to copy, per table (planner estimate).");
    for (Map.Entry<String, ConnectorStatus> d : connectors.entrySet()) {
      for (ConnectorStatus.TableProgress t : d.getValue().snapshot()) {
        sample(
            out,
            "tributary_connector_snapshot_rows_estimated",
            d.getKey(),
            "table=\"" + escape(t.table()) + "\"",
            t.rowsTotal());
      }
    }
    return out.toString();
  }

  private static void help(StringBuilder out, String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void sample(
      StringBuilder out, String name, String connector, String extra, double value) {
    out.append(name).append("{connector=\"").append(escape(connector)).append('"');
    if (extra != null) {
      out.append(',').append(extra);
    }
    out.append("} ");
    if (value == Math.rint(value) && !Double.isInfinite(value)) {
      out.append((long) value);
    } else {
      out.append(value);
    }
    out.append('\n');
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
