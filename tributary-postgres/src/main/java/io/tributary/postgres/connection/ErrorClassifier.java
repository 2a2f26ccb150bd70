package io.tributary.postgres.connection;

import io.tributary.api.FatalException;
import io.tributary.api.RetriableException;
import io.tributary.postgres.connector.PostgresConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * Turns what JDBC throws into the two exceptions the engine knows, once, at the connector's edge:
 * what may heal (lost connection, server restarting, a slot still held by a dying session) is
 * retriable; what will not (authentication, privileges, missing objects) is fatal, with the fix.
 */
public final class ErrorClassifier {
  private final PostgresConfig config;

  public ErrorClassifier(PostgresConfig config) {
    this.config = config;
  }

  public RuntimeException classify(String doing, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String message = String.valueOf(e.getMessage()).strip();
    if (message.endsWith(".")) {
      message = message.substring(0, message.length() - 1);
    }
    String what = doing + " (" + config.user() + "@" + config.address() + ") failed: " + message;
    if (state.startsWith("28")) {
      return new FatalException(
          what
              + ". Check source.user and source.password, and that pg_hba.conf allows this role from this host.",
          e);
    }
    if (state.equals("3D000")) {
      return new FatalException(what + ". Check source.database: the database does not exist.", e);
    }
    if (state.equals("42501")) {
      return new FatalException(
          what
              + ". The role lacks a privilege: grant it (see the prerequisite checks: tributary check PIPELINE.yaml).",
          e);
    }
    if (state.startsWith("42") || state.startsWith("22")) {
      return new FatalException(what, e);
    }
    if (state.equals("55006")) {
      return new RetriableException(
          what
              + ". The replication slot is used by another session; if that is an earlier Tributary, it is released "
              + "once the server notices it is gone.",
          e);
    }
    if (hasCause(e, UnknownHostException.class)) {
      return new FatalException(what + ". Unknown host: check source.host.", e);
    }
    if (state.startsWith("08")
        || state.startsWith("57P")
        || state.startsWith("53")
        || state.equals("40001")
        || hasCause(e, IOException.class)
        || hasCause(e, ConnectException.class)) {
      return new RetriableException(what, e);
    }
    return new FatalException(what, e);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }
}
