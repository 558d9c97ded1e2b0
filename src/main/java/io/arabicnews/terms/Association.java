package io.arabicnews.terms;

import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * Association and keyness scores as Spark column expressions, on counts (numeric columns).
 *
 * <ul>
 *   <li>{@link #npmi}: normalised pointwise mutual information of a pair, in [-1, 1]; 1 when the
 *       two parts only ever occur together.
 *   <li>{@link #llr}: Dunning's log-likelihood ratio (G²) of the 2×2 contingency table of a pair.
 *   <li>{@link #signedKeyness}: Rayson's log-likelihood of a term's count in one subcorpus against
 *       the rest, negative where the term is rarer there than elsewhere.
 * </ul>
 */
public final class Association {
  private Association() {}

  /** x·ln(x), with 0·ln(0) = 0. */
  static Column xlnx(Column x) {
    return when(x.gt(0), x.multiply(log(x))).otherwise(lit(0.0));
  }

  /**
   * @param pair count of the pair (xy)
   * @param left count of x
   * @param right count of y
   * @param total number of positions (tokens) in the corpus
   */
  public static Column npmi(Column pair, Column left, Column right, Column total) {
    Column pmi = log(pair.multiply(total).divide(left.multiply(right)));
    Column h = log(pair.divide(total)).multiply(-1);
    return when(h.gt(0), pmi.divide(h)).otherwise(lit(1.0));
  }

  public static Column llr(Column pair, Column left, Column right, Column total) {
    Column k11 = pair;
    Column k12 = greatest(left.minus(pair), lit(0));
    Column k21 = greatest(right.minus(pair), lit(0));
    Column k22 = greatest(total.minus(left).minus(right).plus(pair), lit(0));
    Column n = k11.plus(k12).plus(k21).plus(k22);
    Column matrix = xlnx(n).minus(xlnx(k11).plus(xlnx(k12)).plus(xlnx(k21)).plus(xlnx(k22)));
    Column rows = xlnx(n).minus(xlnx(k11.plus(k12)).plus(xlnx(k21.plus(k22))));
    Column cols = xlnx(n).minus(xlnx(k11.plus(k21)).plus(xlnx(k12.plus(k22))));
    return greatest(rows.plus(cols).minus(matrix).multiply(2), lit(0.0));
  }

  /**
   * @param a the term's count in the subcorpus
   * @param b the term's count in the rest
   * @param c tokens in the subcorpus
   * @param d tokens in the rest
   */
  public static Column signedKeyness(Column a, Column b, Column c, Column d) {
    Column e1 = c.multiply(a.plus(b)).divide(c.plus(d));
    Column e2 = d.multiply(a.plus(b)).divide(c.plus(d));
    Column ll =
        when(a.gt(0), a.multiply(log(a.divide(e1)))).otherwise(lit(0.0))
            .plus(when(b.gt(0), b.multiply(log(b.divide(e2)))).otherwise(lit(0.0)))
            .multiply(2);
    Column moreFrequentHere = d.equalTo(0).or(a.divide(c).geq(b.divide(d)));
    return when(c.equalTo(0), lit(0.0)).when(moreFrequentHere, ll).otherwise(ll.multiply(-1));
  }
}
