package io.tributary.postgres.types;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The data types of one database: all built-in types from the start, plus the user-defined types
 * (domains, enums, composites, extension types and their arrays) that {@link #register} adds, for
 * example after reading {@code pg_type} or on a pgoutput {@code Type} message.
 *
 * <p>Thread-safe: snapshot workers and the change stream look types up while others are registered.
 */
public final class TypeRegistry {
  private final PgType[] builtins = new PgType[BuiltinTypes.LIMIT];
  private final Map<Integer, PgType> registered = new ConcurrentHashMap<>();
  private final AtomicInteger generation = new AtomicInteger();

  /** A registry that knows the built-in types. */
  public TypeRegistry() {
    for (PgType t : BuiltinTypes.all()) {
      builtins[t.oid()] = t;
    }
  }

  /** The type with this OID, or null when it is neither built in nor registered. */
  public PgType get(int oid) {
    PgType t = isBuiltinRange(oid) ? builtins[oid] : null;
    return t != null ? t : registered.get(oid);
  }

  public boolean isBuiltin(int oid) {
    return isBuiltinRange(oid) && builtins[oid] != null;
  }

  /**
   * Adds or replaces a type. Built-in types keep their built-in meaning: registering one is ignored
   * and returns false, so a caller may simply register every row of {@code pg_type}.
   */
  public boolean register(PgType type) {
    Objects.requireNonNull(type, "type");
    if (isBuiltin(type.oid())) {
      return false;
    }
    registered.put(type.oid(), type);
    generation.incrementAndGet();
    return true;
  }

  /** Changes with every registration, so that derived caches know when to recompute. */
  int generation() {
    return generation.get();
  }

  private static boolean isBuiltinRange(int oid) {
    return oid >= 0 && oid < BuiltinTypes.LIMIT;
  }
}
