package io.arabicnews.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import io.arabicnews.SparkTestBase;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The stars made in the driver are the Spark rounds' stars, row for row. */
class StarClustersTest extends SparkTestBase {
  private static final StructType ARTICLES = new StructType()
      .add("article_id", "string").add("published_date", "date").add("n_chars", "int");
  private static final StructType PAIRS = new StructType()
      .add("a", "string").add("b", "string").add("similarity", "double");

  /**
   * Random graphs with what decides a star: chains, shared dates and lengths (the id breaks the
   * tie), undated articles, similarity ties, pairs of an article missing from the articles, and
   * ids that order differently as UTF-16 and as UTF-8.
   */
  @Test
  void theDriversStarsAreTheSparkRoundsStars() {
    Random random = new Random(5);
    for (int graph = 0; graph < 2; graph++) {
      int n = 80;
      List<Row> articles = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        articles.add(RowFactory.create(id(i),
            random.nextInt(6) == 0 ? null : Date.valueOf(LocalDate.of(2013, 3, 1).plusDays(random.nextInt(4))),
            random.nextInt(10) == 0 ? null : 100 * (1 + random.nextInt(3))));
      }
      Set<String> seen = new HashSet<>();
      List<Row> pairs = new ArrayList<>();
      for (int k = 0; k < 170; k++) {
        int x = random.nextInt(n + 3); // n, n + 1, n + 2: not among the articles
        int y = random.nextInt(n + 3);
        String a = id(Math.min(x, y));
        String b = id(Math.max(x, y));
        if (x != y && seen.add(a + "|" + b)) {
          pairs.add(RowFactory.create(a, b, 0.5 + random.nextInt(4) / 8.0));
        }
      }
      Dataset<Row> articleRows = spark().createDataFrame(articles, ARTICLES);
      Dataset<Row> pairRows = spark().createDataFrame(pairs, PAIRS);

      List<Row> driver = NearDuplicates.stars(pairRows, articleRows, 1_000).collectAsList();
      List<Row> rounds = NearDuplicates.sparkStars(pairRows, articleRows).collectAsList();

      assertThat(driver).as("graph %d", graph).hasSizeGreaterThan(30)
          .containsExactlyInAnyOrderElementsOf(rounds);
      if (graph == 0) { // more pairs than the driver takes: the Spark rounds themselves
        assertThat(NearDuplicates.stars(pairRows, articleRows, 10).collectAsList())
            .containsExactlyInAnyOrderElementsOf(rounds);
      }
    }
  }

  /** Ids whose UTF-16 order differs from their UTF-8 (Spark's) order: a BMP letter above a surrogate pair. */
  private static String id(int i) {
    String prefix = switch (i % 3) {
      case 0 -> "a";
      case 1 -> "\uFF21"; // FULLWIDTH A: after the surrogate pair in UTF-16, before it in UTF-8
      default -> "\uD83D\uDE00";
    };
    return prefix + (i % 7) + "-" + i;
  }
}
