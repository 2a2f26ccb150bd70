package io.tributary.postgres.pgoutput;

import java.util.Objects;

/**
 * {@code Type} ('Y'): names a non-built-in data type used by a following {@link Relation}, so the
 * receiver can map its OID.
 *
 * <p>For a domain, PostgreSQL sends the domain's OID but the namespace and name of the domain's
 * base type (a domain over {@code int4} arrives as OID 16396, namespace "", name "int4"), so this
 * message alone cannot tell a domain from its base type's name.
 *
 * @param oid the type's OID
 * @param namespace the schema name, or the empty string for {@code pg_catalog}, as sent
 * @param name the type name
 */
public record Type(int oid, String namespace, String name) implements PgOutputMessage {

  public Type {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }
}
