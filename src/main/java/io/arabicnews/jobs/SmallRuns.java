package io.arabicnews.jobs;

import io.arabicnews.tables.TableWriter;
import io.arabicnews.tables.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import lombok.extern.slf4j.Slf4j;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;

/**
 * Spark settings for runs on small corpora. Adaptive execution plans each shuffle and broadcast of a
 * query as its own job, re-planning after each: on a few thousand articles that planning on the
 * driver, not the data, is most of a query's time. A small run turns it off and shuffles into one
 * partition per core (docs/benchmarks.md: seeds 34 → 31 s, 8,000 articles 73 → 66 s). Settings the
 * user gave ({@code --conf}, {@code -D}) are left as they are.
 */
@Slf4j
final class SmallRuns {
  /** Input up to this size is a small run; compressed files count at {@link #COMPRESSED_FACTOR} times theirs. */
  static final long MAX_INPUT_BYTES = 16L << 20;

  /** About how much text a byte of gzip-compressed JSON Lines or of a Parquet file holds. */
  static final int COMPRESSED_FACTOR = 4;

  /** A corpus of at most this many articles is a small run (the stage jobs, over ingest's tables). */
  static final long MAX_ARTICLES = 8_000;

  static final String ADAPTIVE = "spark.sql.adaptive.enabled";
  static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

  private SmallRuns() {}

  /** The settings of a small run on a Spark with this many task slots, less those the user set. */
  static Map<String, String> settings(int taskSlots, SparkConf userConf) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put(ADAPTIVE, "false");
    s.put(SHUFFLE_PARTITIONS, String.valueOf(Math.max(1, taskSlots)));
    s.keySet().removeIf(userConf::contains);
    return s;
  }

  /**
   * Sets the small-run settings on the session when {@code small}; closing the handle puts the
   * previous values back (the session may run other work afterwards, as in tests).
   */
  static Applied applyIf(boolean small, SparkSession spark) {
    Map<String, String> applied =
        small ? settings(spark.sparkContext().defaultParallelism(), new SparkConf()) : Map.of();
    Map<String, String> previous = new LinkedHashMap<>();
    RuntimeConfig conf = spark.conf();
    applied.forEach((k, v) -> {
      previous.put(k, conf.getOption(k).getOrElse(() -> null));
      conf.set(k, v);
    });
    if (!applied.isEmpty()) {
      log.info("Small corpus: {}", applied);
    }
    return new Applied(spark, applied, previous);
  }

  /** The settings a small run changed, and their values before, put back by {@link #close}. */
  record Applied(SparkSession spark, Map<String, String> applied, Map<String, String> previous)
      implements AutoCloseable {
    boolean active() {
      return !applied.isEmpty();
    }

    @Override
    public void close() {
      previous.forEach((k, v) -> {
        if (v == null) {
          spark.conf().unset(k);
        } else {
          spark.conf().set(k, v);
        }
      });
    }
  }

  /** Whether the ingest tables under {@code tablesRoot} hold a small corpus (false when there are none yet). */
  static boolean isSmallCorpus(SparkSession spark, String tablesRoot) {
    TableWriter tables = new TableWriter(tablesRoot);
    try {
      return tables.rowCount(spark, Tables.ARTICLES) <= MAX_ARTICLES;
    } catch (UncheckedIOException missing) {
      return false; // the job itself reports the missing table
    }
  }

  /** Whether an input path (a file or a folder, on any Hadoop file system) is small enough. */
  static boolean isSmallInput(SparkSession spark, String input) {
    Path root = new Path(input);
    try {
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.exists(root) && textBytes(fs, root, MAX_INPUT_BYTES + 1) <= MAX_INPUT_BYTES;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + root + ": " + e.getMessage(), e);
    }
  }

  /** The input's bytes, compressed files weighted; stops counting once past {@code enough}. */
  static long textBytes(FileSystem fs, Path root, long enough) throws IOException {
    FileStatus status = fs.getFileStatus(root);
    if (status.isFile()) {
      return weighted(status);
    }
    long total = 0;
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
    while (files.hasNext() && total < enough) {
      total += weighted(files.next());
    }
    return total;
  }

  private static long weighted(FileStatus file) {
    String name = file.getPath().getName().toLowerCase(Locale.ROOT);
    boolean compressed = name.endsWith(".gz") || name.endsWith(".bz2") || name.endsWith(".zst")
        || name.endsWith(".parquet");
    return compressed ? file.getLen() * COMPRESSED_FACTOR : file.getLen();
  }
}
