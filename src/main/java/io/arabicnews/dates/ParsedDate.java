package io.arabicnews.dates;

import java.time.LocalDate;

/**
 * A date found in a string: the date, or why none could be taken ({@code problem}, e.g. «impossible
 * date 2013-02-31»), and where in the string it was printed.
 */
public record ParsedDate(LocalDate date, String problem, int start, int end) {

  static ParsedDate of(LocalDate date, int start, int end) {
    return new ParsedDate(date, null, start, end);
  }

  static ParsedDate problem(String problem, int start, int end) {
    return new ParsedDate(null, problem, start, end);
  }

  public boolean isValid() {
    return date != null;
  }
}
