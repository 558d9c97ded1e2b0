package io.arabicnews.tables;

/**
 * Named points in a run where a test can make it fail, to check that a run stopped there leaves the
 * published tables as they were (or, while publishing, as the next run completes them). Off unless
 * the system property {@code arabicnews.fault} names the point: {@code <point>} throws there,
 * {@code <point>:halt} ends the JVM there at once, as a kill would.
 */
public final class Faults {
  public static final String PROPERTY = "arabicnews.fault";

  private Faults() {}

  public static void at(String point) {
    String fault = System.getProperty(PROPERTY);
    if (fault == null) {
      return;
    }
    if (fault.equals(point + ":halt")) {
      Runtime.getRuntime().halt(137);
    }
    if (fault.equals(point)) {
      throw new IllegalStateException("fault injected at " + point);
    }
  }
}
