package io.tributary.postgres.types;

import io.tributary.postgres.event.TextDecoder;
import io.tributary.postgres.event.ValueJsonWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Converts values in PostgreSQL's text format — as pgoutput sends them and as {@code COPY ... TO
 * STDOUT} writes them — into the Java values of {@link io.tributary.api.Row}, by type OID.
 *
 * <table>
 *   <caption>Type mapping</caption>
 *   <tr><th>PostgreSQL</th><th>Java</th></tr>
 *   <tr><td>bool</td><td>Boolean</td></tr>
 *   <tr><td>int2, int4</td><td>Integer</td></tr>
 *   <tr><td>int8, oid, xid, cid</td><td>Long</td></tr>
 *   <tr><td>float4, float8</td><td>Double, including NaN and ±Infinity</td></tr>
 *   <tr><td>numeric</td><td>BigDecimal; the strings "NaN", "Infinity", "-Infinity" as they are</td></tr>
 *   <tr><td>bytea</td><td>byte[] (hex or escape format)</td></tr>
 *   <tr><td>json, jsonb</td><td>{@link io.tributary.api.RawJson}</td></tr>
 *   <tr><td>timestamp</td><td>String {@code 2024-01-02T03:04:05.123456}</td></tr>
 *   <tr><td>timestamptz</td><td>String in UTC {@code 2024-01-02T03:04:05.123Z}</td></tr>
 *   <tr><td>timetz</td><td>String {@code 03:04:05+02:00}, {@code 03:04:05Z}</td></tr>
 *   <tr><td>date, time</td><td>String as written, which with DateStyle ISO is ISO-8601</td></tr>
 *   <tr><td>interval</td><td>String as written: {@code P1Y2M3DT4H5M6S} with IntervalStyle
 *       iso_8601, {@code 1 year 2 mons 3 days 04:05:06} with the default postgres style</td></tr>
 *   <tr><td>arrays</td><td>List of converted elements (nested lists for several dimensions)</td></tr>
 *   <tr><td>domains</td><td>as their base type</td></tr>
 *   <tr><td>everything else: text, varchar, char, name, uuid, money, inet, cidr, macaddr, bit, varbit,
 *       xml, pg_lsn, geometric and text search types, ranges, enums, composites, unknown types</td>
 *       <td>String as is</td></tr>
 * </table>
 *
 * <p>{@code infinity}, {@code -infinity} and BC dates and timestamps stay as PostgreSQL wrote them.
 *
 * <p>Thread-safe. Parsers are resolved once per type and cached; registering a type in the registry
 * makes the cache of user-defined types recompute.
 */
public final class TextValueConverter implements TextDecoder {
  /** Domains of domains end somewhere; a deeper chain can only be a cycle in corrupt metadata. */
  private static final int MAX_DEPTH = 32;

  private final TypeRegistry registry;
  private final ValueParser[] builtins = new ValueParser[BuiltinTypes.LIMIT];
  private final Map<Integer, Cached> others = new ConcurrentHashMap<>();

  public TextValueConverter(TypeRegistry registry) {
    this.registry = registry;
    for (int oid = 0; oid < BuiltinTypes.LIMIT; oid++) {
      PgType type = registry.get(oid);
      if (type != null && registry.isBuiltin(oid)) {
        builtins[oid] = guarded(type, resolve(type, 0));
      }
    }
  }

  /**
   * Converts one value.
   *
   * @param typeOid the column's type OID
   * @param text the value in text format, or null for SQL NULL
   * @return the Java value, null for null
   * @throws IllegalArgumentException naming the type and the value, if the text is not a valid
   *     value of the type
   */
  public Object convert(int typeOid, String text) {
    return text == null ? null : parserFor(typeOid).parse(text);
  }

  @Override
  public Object decode(int typeOid, String text) {
    return convert(typeOid, text);
  }

  /**
   * Common built-in types, and every type whose value is its text, are written straight from their
   * text; the others are decoded first.
   */
  @Override
  public ValueJsonWriter jsonWriter(int typeOid) {
    ValueParser parser = parserFor(typeOid);
    if (parser == Scalars.TEXT) {
      return JsonFromText.text();
    }
    ValueJsonWriter slow = JsonFromText.decoding(parser);
    boolean builtin = typeOid >= 0 && typeOid < BuiltinTypes.LIMIT && builtins[typeOid] == parser;
    ValueJsonWriter fast = builtin ? JsonFromText.builtin(typeOid, slow) : null;
    return fast != null ? fast : slow;
  }

  /**
   * The parser for a type, to resolve once per column instead of per value. Unknown types parse as
   * their text. The parser throws {@link IllegalArgumentException} naming the type and the value.
   */
  public ValueParser parserFor(int typeOid) {
    if (typeOid >= 0 && typeOid < BuiltinTypes.LIMIT && builtins[typeOid] != null) {
      return builtins[typeOid];
    }
    int generation = registry.generation();
    Cached cached = others.get(typeOid);
    if (cached == null || cached.generation != generation) {
      PgType type = registry.get(typeOid);
      ValueParser parser = type == null ? Scalars.TEXT : guarded(type, resolve(type, 0));
      cached = new Cached(generation, parser);
      others.put(typeOid, cached);
    }
    return cached.parser;
  }

  private ValueParser resolve(PgType type, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalStateException(
          "type "
              + type.qualifiedName()
              + " nests more than "
              + MAX_DEPTH
              + " levels of domains or arrays; the type metadata is inconsistent");
    }
    return switch (type.kind()) {
      case BASE -> builtinScalar(type.oid());
      case DOMAIN -> resolve(type.baseTypeOid(), depth + 1);
      case ARRAY -> array(type, depth);
      case ENUM, COMPOSITE, RANGE, MULTIRANGE, PSEUDO -> Scalars.TEXT;
    };
  }

  private ValueParser resolve(int oid, int depth) {
    PgType type = registry.get(oid);
    return type == null ? Scalars.TEXT : resolve(type, depth);
  }

  private ValueParser array(PgType type, int depth) {
    PgType element = registry.get(type.elementTypeOid());
    if (element == null) {
      return new ArrayLiteralParser(Scalars.TEXT, type.delimiter());
    }
    return new ArrayLiteralParser(resolve(element, depth + 1), element.delimiter());
  }

  /** Base types of extensions (citext, hstore, geometry, …) are text, like unknown ones. */
  private static ValueParser builtinScalar(int oid) {
    return switch (oid) {
      case BuiltinTypes.BOOL -> Scalars::bool;
      case BuiltinTypes.BYTEA -> Bytea::parse;
      case BuiltinTypes.INT2, BuiltinTypes.INT4 -> Scalars::int4;
      case BuiltinTypes.INT8, BuiltinTypes.OID, BuiltinTypes.XID, BuiltinTypes.CID -> Scalars::int8;
      case BuiltinTypes.FLOAT4, BuiltinTypes.FLOAT8 -> Scalars::float8;
      case BuiltinTypes.NUMERIC -> Scalars::numeric;
      case BuiltinTypes.JSON, BuiltinTypes.JSONB -> Scalars::json;
      case BuiltinTypes.TIMESTAMP -> Temporals::timestamp;
      case BuiltinTypes.TIMESTAMPTZ -> Temporals::timestamptz;
      case BuiltinTypes.TIMETZ -> Temporals::timetz;
      default -> Scalars.TEXT;
    };
  }

  /** Wraps a parser so its failures say which type and value they concern; text never fails. */
  private static ValueParser guarded(PgType type, ValueParser parser) {
    if (parser == Scalars.TEXT) {
      return parser;
    }
    return text -> {
      try {
        return parser.parse(text);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "cannot convert "
                + type.qualifiedName()
                + " (OID "
                + type.oid()
                + ") value '"
                + abbreviate(text)
                + "': "
                + e.getMessage(),
            e);
      }
    };
  }

  private static String abbreviate(String text) {
    return text.length() <= 100 ? text : text.substring(0, 100) + "…";
  }

  private record Cached(int generation, ValueParser parser) {}
}
