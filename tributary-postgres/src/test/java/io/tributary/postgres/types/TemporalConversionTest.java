package io.tributary.postgres.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TemporalConversionTest {
  private static final int DATE = 1082;
  private static final int TIME = 1083;
  private static final int TIMESTAMP = 1114;
  private static final int TIMESTAMPTZ = 1184;
  private static final int TIMETZ = 1266;
  private static final int INTERVAL = 1186;

  private final TextValueConverter converter = new TextValueConverter(new TypeRegistry());

  private Object convert(int oid, String text) {
    return converter.convert(oid, text);
  }

  @Test
  void keepsIsoDatesAndSpecialDates() {
    assertThat(convert(DATE, "2024-01-02")).isEqualTo("2024-01-02");
    assertThat(convert(DATE, "infinity")).isEqualTo("infinity");
    assertThat(convert(DATE, "-infinity")).isEqualTo("-infinity");
    assertThat(convert(DATE, "0044-03-15 BC")).isEqualTo("0044-03-15 BC");
  }

  @Test
  void writesTimestampsWithTheIsoSeparator() {
    assertThat(convert(TIMESTAMP, "2024-01-02 03:04:05.123456"))
        .isEqualTo("2024-01-02T03:04:05.123456");
    assertThat(convert(TIMESTAMP, "2024-01-02 03:04:05")).isEqualTo("2024-01-02T03:04:05");
    assertThat(convert(TIMESTAMP, "294276-12-31 23:59:59.999999"))
        .isEqualTo("294276-12-31T23:59:59.999999");
    assertThat(convert(TIMESTAMP, "infinity")).isEqualTo("infinity");
    assertThat(convert(TIMESTAMP, "-infinity")).isEqualTo("-infinity");
    assertThat(convert(TIMESTAMP, "4713-01-01 00:00:00 BC")).isEqualTo("4713-01-01 00:00:00 BC");
  }

  @Test
  void writesUtcTimestampsWithZ() {
    assertThat(convert(TIMESTAMPTZ, "2024-01-02 03:04:05.123+00"))
        .isEqualTo("2024-01-02T03:04:05.123Z");
    assertThat(convert(TIMESTAMPTZ, "2024-01-02 03:04:05+00")).isEqualTo("2024-01-02T03:04:05Z");
    assertThat(convert(TIMESTAMPTZ, "1970-01-01 00:00:00.000001+00"))
        .isEqualTo("1970-01-01T00:00:00.000001Z");
    assertThat(convert(TIMESTAMPTZ, "infinity")).isEqualTo("infinity");
    assertThat(convert(TIMESTAMPTZ, "-infinity")).isEqualTo("-infinity");
    assertThat(convert(TIMESTAMPTZ, "0044-03-15 12:00:00+00 BC"))
        .isEqualTo("0044-03-15 12:00:00+00 BC");
  }

  @Test
  void convertsOtherOffsetsToUtcInCaseTheSessionIsNotInUtc() {
    assertThat(convert(TIMESTAMPTZ, "2024-01-02 08:34:05.123+05:30"))
        .isEqualTo("2024-01-02T03:04:05.123Z");
    assertThat(convert(TIMESTAMPTZ, "2024-01-01 23:34:05-03:30")).isEqualTo("2024-01-02T03:04:05Z");
    assertThat(convert(TIMESTAMPTZ, "2024-03-01 01:00:00+02")).isEqualTo("2024-02-29T23:00:00Z");
    assertThat(convert(TIMESTAMPTZ, "1850-01-01 00:53:28.5+00:53:28"))
        .isEqualTo("1850-01-01T00:00:00.5Z");
    assertThat(convert(TIMESTAMPTZ, "0001-01-01 01:00:00+01")).isEqualTo("0001-01-01T00:00:00Z");
  }

  @Test
  void keepsTimesAndIntervalsAsWritten() {
    assertThat(convert(TIME, "03:04:05.123456")).isEqualTo("03:04:05.123456");
    assertThat(convert(TIME, "24:00:00")).isEqualTo("24:00:00");
    assertThat(convert(INTERVAL, "P1Y2M3DT4H5M6.5S")).isEqualTo("P1Y2M3DT4H5M6.5S");
    assertThat(convert(INTERVAL, "-1 days +02:03:00")).isEqualTo("-1 days +02:03:00");
  }

  @Test
  void writesTimeZoneOffsetsOfTimesTheIsoWay() {
    assertThat(convert(TIMETZ, "03:04:05.123+00")).isEqualTo("03:04:05.123Z");
    assertThat(convert(TIMETZ, "03:04:05+02")).isEqualTo("03:04:05+02:00");
    assertThat(convert(TIMETZ, "03:04:05-03:30")).isEqualTo("03:04:05-03:30");
  }

  @Test
  void reportsTimestampsWithoutOffset() {
    assertThatThrownBy(() -> convert(TIMESTAMPTZ, "2024-01-02 03:04:05"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pg_catalog.timestamptz (OID 1184)")
        .hasMessageContaining("no UTC offset");
  }
}
