package io.arabicnews.dates;

import static org.apache.spark.sql.functions.date_trunc;

import java.util.Locale;
import org.apache.spark.sql.Column;

/** The time buckets of the timeline tables; a period is named by its first day (weeks start Monday). */
public enum Period {
  DAY,
  WEEK,
  MONTH,
  QUARTER,
  YEAR;

  public static Period parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("--period must be day, week, month, quarter or year (got «" + s + "»)");
    }
  }

  /** The first day of the period containing {@code date}, as a DATE (null for a null date). */
  public Column start(Column date) {
    return date_trunc(name().toLowerCase(Locale.ROOT), date).cast("date");
  }
}
