package io.tributary.testkit.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.testkit.postgres.PostgresServer;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class TcpProxyIT {

  private final PostgresServer postgres = PostgresServer.shared();
  private TcpProxy proxy;

  @BeforeEach
  void startProxy() throws IOException {
    proxy = TcpProxy.start(postgres.host(), postgres.port());
  }

  @AfterEach
  void closeProxy() {
    proxy.close();
  }

  @Test
  void forwardsAJdbcConnectionToTheServer() throws SQLException {
    try (Connection connection = connectThroughProxy()) {
      assertThat(selectOne(connection)).isEqualTo(1);
      assertThat(proxy.connectionCount()).isEqualTo(1);
      assertThat(proxy.bytesForwarded()).isPositive();
    }
  }

  @Test
  void cutConnectionsMakesTheNextQueryFailWithAnIoError() throws SQLException {
    try (Connection connection = connectThroughProxy()) {
      selectOne(connection);

      proxy.cutConnections();

      assertThatThrownBy(() -> selectOne(connection))
          .isInstanceOf(SQLException.class)
          .hasCauseInstanceOf(IOException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("08"));
    }
  }

  @Test
  void refusedConnectionsFailUntilResume() throws SQLException {
    proxy.refuse();

    assertThatThrownBy(this::connectThroughProxy).isInstanceOf(SQLException.class);

    proxy.resume();
    try (Connection connection = connectThroughProxy()) {
      assertThat(selectOne(connection)).isEqualTo(1);
    }
  }

  private Connection connectThroughProxy() throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", postgres.superuserUser());
    info.setProperty("password", postgres.password());
    info.setProperty("connectTimeout", "5");
    info.setProperty("socketTimeout", "10");
    return DriverManager.getConnection(
        "jdbc:postgresql://" + proxy.host() + ":" + proxy.port() + "/" + PostgresServer.SUPERUSER,
        info);
  }

  private static int selectOne(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT 1")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
