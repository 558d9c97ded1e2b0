package io.arabicnews.jobs;

import io.arabicnews.tables.ForklessLocalFileSystem;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the job's SparkSession. The master comes from spark-submit ({@code spark.master}); only
 * when nothing set it (a plain local run) does it default to {@code local[*]}. Dates are computed in
 * UTC so a DATE never shifts with the machine's zone.
 */
public final class SparkSessions {
  private SparkSessions() {}

  static final String SHOW_CONSOLE_PROGRESS = "spark.ui.showConsoleProgress";
  static final String LOCAL_FILE_SYSTEM = "spark.hadoop.fs.file.impl";

  public static SparkSession create(String appName, String masterOverride) {
    SparkConf conf = new SparkConf();
    SparkSession.Builder b = SparkSession.builder().appName(appName);
    if (masterOverride != null && !masterOverride.isBlank()) {
      b.master(masterOverride);
    } else if (!conf.contains("spark.master")) {
      b.master("local[*]");
    }
    String master = masterOverride != null ? masterOverride : conf.get("spark.master", "local[*]");
    if (master.startsWith("local") && !conf.contains("spark.sql.shuffle.partitions")) {
      // Enough partitions that a 150K-article shuffle fits a 2 GB driver; AQE merges them for small data.
      b.config("spark.sql.shuffle.partitions", "32");
    }
    if (!conf.contains("spark.sql.optimizer.canChangeCachedPlanOutputPartitioning")) {
      // Lets adaptive execution merge the small post-shuffle partitions of persisted datasets too
      // (Spark keeps them at spark.sql.shuffle.partitions otherwise): a 5-article run went from
      // 1,850 tasks to 484 and from 51 s to 40 s; large runs keep ~64 MB partitions.
      b.config("spark.sql.optimizer.canChangeCachedPlanOutputPartitioning", "true");
    }
    if (!conf.contains("spark.sql.inMemoryColumnarStorage.compressed")) {
      // Persisted datasets (ingest's articles, the 23 million per-article term rows) are kept on
      // disk anyway; compressing their cached columns spent 45% of the term counting pass gathering
      // dictionary statistics (JFR). Uncompressed: that pass went from 47 s to 30 s.
      b.config("spark.sql.inMemoryColumnarStorage.compressed", "false");
    }
    if (!conf.contains("spark.rdd.compress")) {
      // ...but the blocks those persisted datasets write to the local disk are LZ4-compressed: raw
      // columns took 127 bytes per per-article term row, 46 GB for the 16x corpus, and filled the
      // disk before the terms job ended.
      b.config("spark.rdd.compress", "true");
    }
    if (!conf.contains("spark.sql.codegen.aggregate.map.twolevel.enabled")) {
      // The corpus totals group 23 million term rows by strings into ~1 million keys: Spark's small
      // first-level map (64K slots) fills at once, and every row then probes it before the real one
      // (half the stage's samples in JFR). Without it that query took 13-14 s instead of 17-19 s at 1x.
      b.config("spark.sql.codegen.aggregate.map.twolevel.enabled", "false");
    }
    if (master.startsWith("local") && !conf.contains("spark.sql.files.minPartitionNum")) {
      // Parquet tables of a few hundred MB would otherwise be read in 128 MB splits: 3 tasks on 2
      // cores leave one core idle for a third of every pass over the sentences. Splits of at most
      // 1/8 of the input keep the cores busy to the end (a suggestion: small files are not split).
      b.config("spark.sql.files.minPartitionNum", String.valueOf(8 * localCores(master)));
    }
    if (!conf.contains(LOCAL_FILE_SYSTEM)) {
      // Without Hadoop's native library, its local file system runs `chmod` for every file and folder
      // written and `ls -ld` for every file listed: 990 processes in an append onto the 1x archive.
      b.config(LOCAL_FILE_SYSTEM, ForklessLocalFileSystem.class.getName());
    }
    if (!conf.contains(SHOW_CONSOLE_PROGRESS)) {
      // Progress bars are for a person at a terminal; in a log file (CI, `> run.log 2>&1`) they are
      // thousands of carriage-return lines. The launcher decides from its stderr; this is the
      // fallback for a bare spark-submit (a console means both stdin and stdout are terminals).
      b.config(SHOW_CONSOLE_PROGRESS, String.valueOf(System.console() != null));
    }
    return b.config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.parquet.compression.codec", "snappy")
        .getOrCreate();
  }

  private static final Pattern LOCAL_MASTER = Pattern.compile("local(?:\\[(\\d+|\\*)(?:,\\d+)?])?");

  /** Task slots of a local master: local, local[4], local[*], local[4,2] (retries). */
  static int localCores(String master) {
    Matcher m = LOCAL_MASTER.matcher(master);
    if (!m.matches() || m.group(1) == null) {
      return 1;
    }
    return m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors() : Math.max(1, Integer.parseInt(m.group(1)));
  }
}
