package io.tributary.postgres.task;

import io.tributary.postgres.event.TextDecoder;
import io.tributary.postgres.types.PgType;
import io.tributary.postgres.types.TextValueConverter;
import io.tributary.postgres.types.TypeRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Builds the value decoder for one database: built-in types plus its own domains, enums and arrays.
 */
final class TypeSupport {
  private TypeSupport() {}

  static TextDecoder decoder(Connection meta) throws SQLException {
    TypeRegistry registry = new TypeRegistry();
    try (Statement st = meta.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT t.oid::int4, n.nspname, t.typname, t.typtype, t.typcategory, t.typbasetype::int4, t.typelem::int4, t.typdelim "
                    + "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.oid >= 10000")) {
      while (rs.next()) {
        registry.register(
            PgType.fromCatalog(
                rs.getInt(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4).charAt(0),
                rs.getString(5).charAt(0),
                rs.getInt(6),
                rs.getInt(7),
                rs.getString(8).charAt(0)));
      }
    }
    return new TextValueConverter(registry);
  }
}
