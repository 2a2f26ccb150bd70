package io.tributary.postgres.types;

/**
 * The types every PostgreSQL database has, with the OIDs fixed in {@code pg_type.dat} (all below
 * 10000, so they are the same in every database and every version from 14 on). Taken from the
 * catalog of PostgreSQL 15: base, range and multirange types and their arrays; pseudo-types and the
 * row types of system catalogs are left out.
 */
final class BuiltinTypes {
  static final int BOOL = 16;
  static final int BYTEA = 17;
  static final int INT8 = 20;
  static final int INT2 = 21;
  static final int INT4 = 23;
  static final int TEXT = 25;
  static final int OID = 26;
  static final int XID = 28;
  static final int CID = 29;
  static final int JSON = 114;
  static final int FLOAT4 = 700;
  static final int FLOAT8 = 701;
  static final int TIMESTAMP = 1114;
  static final int TIMESTAMPTZ = 1184;
  static final int TIMETZ = 1266;
  static final int NUMERIC = 1700;
  static final int JSONB = 3802;

  /** Above every built-in OID; OIDs from here up are looked up among registered types. */
  static final int LIMIT = 10_000;

  private BuiltinTypes() {}

  static PgType[] all() {
    return new PgType[] {
      base(16, "bool"),
      base(17, "bytea"),
      base(18, "char"),
      base(19, "name"),
      base(20, "int8"),
      base(21, "int2"),
      base(22, "int2vector"),
      base(23, "int4"),
      base(24, "regproc"),
      base(25, "text"),
      base(26, "oid"),
      base(27, "tid"),
      base(28, "xid"),
      base(29, "cid"),
      base(30, "oidvector"),
      base(114, "json"),
      base(142, "xml"),
      array(143, "_xml", 142),
      base(194, "pg_node_tree"),
      array(199, "_json", 114),
      array(271, "_xid8", 5069),
      base(600, "point"),
      base(601, "lseg"),
      base(602, "path"),
      base(603, "box", ';'),
      base(604, "polygon"),
      base(628, "line"),
      array(629, "_line", 628),
      base(650, "cidr"),
      array(651, "_cidr", 650),
      base(700, "float4"),
      base(701, "float8"),
      base(718, "circle"),
      array(719, "_circle", 718),
      base(774, "macaddr8"),
      array(775, "_macaddr8", 774),
      base(790, "money"),
      array(791, "_money", 790),
      base(829, "macaddr"),
      base(869, "inet"),
      array(1000, "_bool", 16),
      array(1001, "_bytea", 17),
      array(1002, "_char", 18),
      array(1003, "_name", 19),
      array(1005, "_int2", 21),
      array(1006, "_int2vector", 22),
      array(1007, "_int4", 23),
      array(1008, "_regproc", 24),
      array(1009, "_text", 25),
      array(1010, "_tid", 27),
      array(1011, "_xid", 28),
      array(1012, "_cid", 29),
      array(1013, "_oidvector", 30),
      array(1014, "_bpchar", 1042),
      array(1015, "_varchar", 1043),
      array(1016, "_int8", 20),
      array(1017, "_point", 600),
      array(1018, "_lseg", 601),
      array(1019, "_path", 602),
      array(1020, "_box", 603),
      array(1021, "_float4", 700),
      array(1022, "_float8", 701),
      array(1027, "_polygon", 604),
      array(1028, "_oid", 26),
      base(1033, "aclitem"),
      array(1034, "_aclitem", 1033),
      array(1040, "_macaddr", 829),
      array(1041, "_inet", 869),
      base(1042, "bpchar"),
      base(1043, "varchar"),
      base(1082, "date"),
      base(1083, "time"),
      base(1114, "timestamp"),
      array(1115, "_timestamp", 1114),
      array(1182, "_date", 1082),
      array(1183, "_time", 1083),
      base(1184, "timestamptz"),
      array(1185, "_timestamptz", 1184),
      base(1186, "interval"),
      array(1187, "_interval", 1186),
      array(1231, "_numeric", 1700),
      array(1263, "_cstring", 2275),
      base(1266, "timetz"),
      array(1270, "_timetz", 1266),
      base(1560, "bit"),
      array(1561, "_bit", 1560),
      base(1562, "varbit"),
      array(1563, "_varbit", 1562),
      base(1700, "numeric"),
      base(1790, "refcursor"),
      array(2201, "_refcursor", 1790),
      base(2202, "regprocedure"),
      base(2203, "regoper"),
      base(2204, "regoperator"),
      base(2205, "regclass"),
      base(2206, "regtype"),
      array(2207, "_regprocedure", 2202),
      array(2208, "_regoper", 2203),
      array(2209, "_regoperator", 2204),
      array(2210, "_regclass", 2205),
      array(2211, "_regtype", 2206),
      array(2949, "_txid_snapshot", 2970),
      base(2950, "uuid"),
      array(2951, "_uuid", 2950),
      base(2970, "txid_snapshot"),
      base(3220, "pg_lsn"),
      array(3221, "_pg_lsn", 3220),
      base(3361, "pg_ndistinct"),
      base(3402, "pg_dependencies"),
      base(3614, "tsvector"),
      base(3615, "tsquery"),
      base(3642, "gtsvector"),
      array(3643, "_tsvector", 3614),
      array(3644, "_gtsvector", 3642),
      array(3645, "_tsquery", 3615),
      base(3734, "regconfig"),
      array(3735, "_regconfig", 3734),
      base(3769, "regdictionary"),
      array(3770, "_regdictionary", 3769),
      base(3802, "jsonb"),
      array(3807, "_jsonb", 3802),
      range(3904, "int4range"),
      array(3905, "_int4range", 3904),
      range(3906, "numrange"),
      array(3907, "_numrange", 3906),
      range(3908, "tsrange"),
      array(3909, "_tsrange", 3908),
      range(3910, "tstzrange"),
      array(3911, "_tstzrange", 3910),
      range(3912, "daterange"),
      array(3913, "_daterange", 3912),
      range(3926, "int8range"),
      array(3927, "_int8range", 3926),
      base(4072, "jsonpath"),
      array(4073, "_jsonpath", 4072),
      base(4089, "regnamespace"),
      array(4090, "_regnamespace", 4089),
      base(4096, "regrole"),
      array(4097, "_regrole", 4096),
      base(4191, "regcollation"),
      array(4192, "_regcollation", 4191),
      multirange(4451, "int4multirange"),
      multirange(4532, "nummultirange"),
      multirange(4533, "tsmultirange"),
      multirange(4534, "tstzmultirange"),
      multirange(4535, "datemultirange"),
      multirange(4536, "int8multirange"),
      base(4600, "pg_brin_bloom_summary"),
      base(4601, "pg_brin_minmax_multi_summary"),
      base(5017, "pg_mcv_list"),
      base(5038, "pg_snapshot"),
      array(5039, "_pg_snapshot", 5038),
      base(5069, "xid8"),
      array(6150, "_int4multirange", 4451),
      array(6151, "_nummultirange", 4532),
      array(6152, "_tsmultirange", 4533),
      array(6153, "_tstzmultirange", 4534),
      array(6155, "_datemultirange", 4535),
      array(6157, "_int8multirange", 4536)
    };
  }

  private static PgType base(int oid, String name) {
    return PgType.base(oid, name);
  }

  private static PgType base(int oid, String name, char delimiter) {
    return new PgType(oid, PgType.PG_CATALOG, name, PgType.Kind.BASE, 0, 0, delimiter);
  }

  private static PgType array(int oid, String name, int element) {
    return PgType.array(oid, name, element);
  }

  private static PgType range(int oid, String name) {
    return new PgType(oid, PgType.PG_CATALOG, name, PgType.Kind.RANGE, 0, 0, ',');
  }

  private static PgType multirange(int oid, String name) {
    return new PgType(oid, PgType.PG_CATALOG, name, PgType.Kind.MULTIRANGE, 0, 0, ',');
  }
}
