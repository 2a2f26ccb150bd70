package io.tributary.server.cli;

import io.tributary.testkit.postgres.PostgresServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The quickstart's demo database: {@code shop} with a table {@code public.orders}, and a stream of
 * small changes to it (new orders, status changes, the odd cancellation). Not thread-safe.
 */
final class QuickstartShop implements AutoCloseable {
  static final String DATABASE = "shop";
  static final String TABLE = "public.orders";

  private static final List<String> CUSTOMERS =
      List.of("ada", "grace", "linus", "barbara", "ken", "margaret");

  private final Connection connection;
  private final RandomGenerator random;

  private QuickstartShop(Connection connection, RandomGenerator random) {
    this.connection = connection;
    this.random = random;
  }

  /** Creates the database and table on {@code server} with a few orders in it. */
  static QuickstartShop create(PostgresServer server, RandomGenerator random) throws SQLException {
    server.createDatabase(DATABASE);
    server.execute(
        DATABASE,
        """
        CREATE TABLE public.orders (
          id serial PRIMARY KEY,
          customer text NOT NULL,
          amount numeric(10,2) NOT NULL,
          status text NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now())""",
        // so that update and delete events carry the whole row before the change, not only its key
        "ALTER TABLE public.orders REPLICA IDENTITY FULL");
    QuickstartShop shop = new QuickstartShop(server.connect(DATABASE), random);
    for (int i = 0; i < 3; i++) {
      shop.insert();
    }
    return shop;
  }

  /** Makes one random change and says what it did, e.g. {@code INSERT order 7 for ada, 12.50}. */
  String change() throws SQLException {
    int dice = random.nextInt(10);
    if (dice < 5) {
      return insert();
    }
    Long id = randomOrder();
    if (id == null) {
      return insert();
    }
    return dice < 9 ? advance(id) : delete(id);
  }

  private String insert() throws SQLException {
    String customer = CUSTOMERS.get(random.nextInt(CUSTOMERS.size()));
    BigDecimal amount = BigDecimal.valueOf(random.nextInt(100, 20_000), 2);
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO public.orders (customer, amount, status) VALUES (?, ?, 'new') RETURNING id")) {
      insert.setString(1, customer);
      insert.setBigDecimal(2, amount);
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        return "INSERT order " + rs.getLong(1) + " for " + customer + ", " + amount;
      }
    }
  }

  private String advance(long id) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE public.orders SET status = CASE status WHEN 'new' THEN 'paid' WHEN 'paid' THEN 'shipped' "
                + "ELSE 'delivered' END WHERE id = ? RETURNING status")) {
      update.setLong(1, id);
      try (ResultSet rs = update.executeQuery()) {
        return rs.next()
            ? "UPDATE order " + id + " to " + rs.getString(1)
            : "UPDATE order " + id + " (gone)";
      }
    }
  }

  private String delete(long id) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM public.orders WHERE id = ?")) {
      delete.setLong(1, id);
      delete.executeUpdate();
      return "DELETE order " + id;
    }
  }

  /** An order that is not delivered yet, or null when there is none. */
  private Long randomOrder() throws SQLException {
    try (Statement query = connection.createStatement();
        ResultSet rs =
            query.executeQuery(
                "SELECT id FROM public.orders WHERE status <> 'delivered' ORDER BY random() LIMIT 1")) {
      return rs.next() ? rs.getLong(1) : null;
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
