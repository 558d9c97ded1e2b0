package io.arabicnews.topics;

import org.apache.commons.math3.util.FastMath;

/**
 * The digamma function exactly as commons-math3 3.6.1 computes it ({@code Gamma.digamma}, which
 * breeze and so MLlib's LDA call), to the last bit, without its recursion: for 1e-5 < x < 49 that
 * is one call per unit step up to 49 (49 nested calls for the topic weights near 0.05 that LDA
 * mostly sees), here a loop that keeps the steps' reciprocals and subtracts them in the order the
 * recursion's returns do. One per thread: the steps are kept in the instance.
 */
final class Digamma {
  private static final double C_LIMIT = 49;
  private static final double S_LIMIT = 1e-5;

  /** 1/x, 1/(x+1), …: at most 49 steps from above 1e-5 to 49. */
  private final double[] reciprocals = new double[64];

  double of(double x) {
    if (!(x > S_LIMIT) || x == Double.POSITIVE_INFINITY) {
      // NaN, infinities, 0, negatives and the small-argument branch: rare here; the library itself.
      return org.apache.commons.math3.special.Gamma.digamma(x);
    }
    double y = x;
    int steps = 0;
    while (y < C_LIMIT) {
      reciprocals[steps++] = 1 / y;
      y = y + 1;
    }
    double inv = 1 / (y * y);
    // The library's expression term by term (its constants 1/12 and 1/120 folded, 1/252 divided).
    double result = FastMath.log(y) - 0.5 / y
        - inv * (0.08333333333333333 + inv * (0.008333333333333333 - inv / 252.0));
    for (int i = steps - 1; i >= 0; i--) {
      result = result - reciprocals[i];
    }
    return result;
  }

  /**
   * digamma(x) − digamma(Σ x) per entry, the sum taken in index order (MLlib's {@code
   * LDAUtils.dirichletExpectation}), into {@code out}; {@code out} may be {@code x}.
   */
  void dirichletExpectation(double[] x, double[] out) {
    double total = 0;
    for (double v : x) {
      total += v;
    }
    double psiTotal = of(total);
    for (int i = 0; i < x.length; i++) {
      out[i] = of(x[i]) - psiTotal;
    }
  }
}
