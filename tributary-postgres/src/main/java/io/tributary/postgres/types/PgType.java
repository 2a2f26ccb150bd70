package io.tributary.postgres.types;

import java.util.Objects;

/**
 * A data type as {@code pg_type} describes it, reduced to what value conversion needs.
 *
 * @param oid the type's OID
 * @param namespace its schema, e.g. {@code pg_catalog}
 * @param name its name, e.g. {@code int4} or {@code _int4} for the array type
 * @param kind what sort of type it is
 * @param baseTypeOid for a {@link Kind#DOMAIN} the type it restricts ({@code typbasetype}), else 0
 * @param elementTypeOid for an {@link Kind#ARRAY} its element type ({@code typelem}), else 0
 * @param delimiter {@code typdelim}: the separator between elements of arrays of this type, ',' for
 *     every type but {@code box} (';')
 */
public record PgType(
    int oid,
    String namespace,
    String name,
    Kind kind,
    int baseTypeOid,
    int elementTypeOid,
    char delimiter) {

  /** The sort of a type, from {@code typtype} and, for arrays, {@code typcategory}. */
  public enum Kind {
    BASE,
    ARRAY,
    DOMAIN,
    ENUM,
    COMPOSITE,
    RANGE,
    MULTIRANGE,
    PSEUDO
  }

  static final String PG_CATALOG = "pg_catalog";

  public PgType {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.DOMAIN && baseTypeOid == 0) {
      throw new IllegalArgumentException("domain " + name + " needs a base type OID");
    }
    if (kind == Kind.ARRAY && elementTypeOid == 0) {
      throw new IllegalArgumentException("array type " + name + " needs an element type OID");
    }
  }

  /** A built-in scalar type in {@code pg_catalog}. */
  public static PgType base(int oid, String name) {
    return new PgType(oid, PG_CATALOG, name, Kind.BASE, 0, 0, ',');
  }

  /** A built-in array type in {@code pg_catalog}. */
  public static PgType array(int oid, String name, int elementTypeOid) {
    return new PgType(oid, PG_CATALOG, name, Kind.ARRAY, 0, elementTypeOid, ',');
  }

  public static PgType domain(int oid, String namespace, String name, int baseTypeOid) {
    return new PgType(oid, namespace, name, Kind.DOMAIN, baseTypeOid, 0, ',');
  }

  public static PgType enumType(int oid, String namespace, String name) {
    return new PgType(oid, namespace, name, Kind.ENUM, 0, 0, ',');
  }

  /**
   * A type from a {@code pg_type} row, for example from {@code SELECT t.oid, n.nspname, t.typname,
   * t.typtype, t.typcategory, t.typbasetype, t.typelem, t.typdelim FROM pg_type t JOIN pg_namespace
   * n ON n.oid = t.typnamespace}. A base type in category 'A' with an element type is an array.
   */
  public static PgType fromCatalog(
      int oid,
      String namespace,
      String name,
      char typtype,
      char typcategory,
      int typbasetype,
      int typelem,
      char typdelim) {
    Kind kind =
        switch (typtype) {
          case 'b' -> typcategory == 'A' && typelem != 0 ? Kind.ARRAY : Kind.BASE;
          case 'd' -> Kind.DOMAIN;
          case 'e' -> Kind.ENUM;
          case 'c' -> Kind.COMPOSITE;
          case 'r' -> Kind.RANGE;
          case 'm' -> Kind.MULTIRANGE;
          case 'p' -> Kind.PSEUDO;
          default ->
              throw new IllegalArgumentException(
                  "unknown typtype '" + typtype + "' of type " + name);
        };
    int base = kind == Kind.DOMAIN ? typbasetype : 0;
    int element = kind == Kind.ARRAY ? typelem : 0;
    return new PgType(oid, namespace, name, kind, base, element, typdelim);
  }

  /** {@code namespace.name}. */
  public String qualifiedName() {
    return namespace + "." + name;
  }
}
