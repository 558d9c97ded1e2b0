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
 * Spark settings chosen by the size of a run's corpus, mostly for small ones. Adaptive execution
 * plans each shuffle and broadcast of a query as its own job, re-planning after each: on a few
 * thousand articles that planning on the driver, not the data, is most of a query's time. A small run turns it off and shuffles into one
 * partition per core (docs/benchmarks.md: seeds 34 → 31 s, 8,000 articles 73 → 66 s). A tiny run
 * (the seeds, a few hundred articles) also runs without whole-stage code generation: compiling a
 * class per query stage costs more than it saves on so little data (seeds 1–2 s less in interleaved
 * rounds, 500 articles 39–40 → 38 s; at 2,000 articles it no longer pays). A large run gets at
 * least a shuffle partition per {@link #ARTICLES_PER_SHUFFLE_PARTITION} articles ({@link Size}).
 * Settings the user gave ({@code --conf}, {@code -D}) are left as they are.
 */
@Slf4j
final class SmallRuns {
  /** Input up to this size is a small run; compressed files count at {@link #COMPRESSED_FACTOR} times theirs. */
  static final long MAX_INPUT_BYTES = 16L << 20;

  /** About how much text a byte of gzip-compressed JSON Lines or of a Parquet file holds. */
  static final int COMPRESSED_FACTOR = 4;

  /** A corpus of at most this many articles is a small run (the stage jobs, over ingest's tables). */
  static final long MAX_ARTICLES = 8_000;

  /** Input up to this size (weighted as above) is a tiny run. */
  static final long TINY_INPUT_BYTES = 2L << 20;

  /** A corpus of at most this many articles is a tiny run. */
  static final long TINY_ARTICLES = 1_000;

  static final String ADAPTIVE = "spark.sql.adaptive.enabled";
  static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
  static final String WHOLE_STAGE_CODEGEN = "spark.sql.codegen.wholeStage";

  /** A large run wants a shuffle partition per this many articles (about 2 MB of text)... */
  static final long ARTICLES_PER_SHUFFLE_PARTITION = 5_000;

  /** ...or per this many input bytes (weighted as in {@link #ofInput}): 32 for egypt-news-2013. */
  static final long BYTES_PER_SHUFFLE_PARTITION = 16L << 20;

  /** How a run's size decides its settings. */
  enum Kind {
    /** Spark's own settings, with more shuffle partitions when the data wants more. */
    LARGE,
    /** No adaptive execution, one shuffle partition per task slot. */
    SMALL,
    /** As small, and no whole-stage code generation. */
    TINY
  }

  /**
   * A run's kind, and the shuffle partitions its data wants ({@link #ARTICLES_PER_SHUFFLE_PARTITION}):
   * a fixed count makes each partition's aggregation maps grow with the corpus until they spill, and
   * the 16x terms run's weekly counts took 23.5 times their 1x time with 32 (docs/benchmarks.md).
   */
  record Size(Kind kind, int shufflePartitions) {
    static final Size TINY = new Size(Kind.TINY, 1);
    static final Size SMALL = new Size(Kind.SMALL, 1);
    /** Large, of unknown size: Spark's own settings. */
    static final Size LARGE = new Size(Kind.LARGE, 1);

    static Size large(long wantedPartitions) {
      return new Size(Kind.LARGE, (int) Math.min(Integer.MAX_VALUE, Math.max(1, wantedPartitions)));
    }
  }

  private SmallRuns() {}

  /**
   * The settings of a run of this size on a Spark with this many task slots and shuffle partitions
   * ({@code spark.sql.shuffle.partitions} as the session has it), less those the user set. A large
   * run only ever raises the partitions: adaptive execution merges them back where they are small.
   */
  static Map<String, String> settings(Size size, int taskSlots, int sessionPartitions, SparkConf userConf) {
    Map<String, String> s = new LinkedHashMap<>();
    if (size.kind() == Kind.LARGE) {
      if (size.shufflePartitions() > sessionPartitions) {
        s.put(SHUFFLE_PARTITIONS, String.valueOf(size.shufflePartitions()));
      }
    } else {
      s.put(ADAPTIVE, "false");
      s.put(SHUFFLE_PARTITIONS, String.valueOf(Math.max(1, taskSlots)));
    }
    if (size.kind() == Kind.TINY) {
      s.put(WHOLE_STAGE_CODEGEN, "false");
    }
    s.keySet().removeIf(userConf::contains);
    return s;
  }

  /**
   * Sets the settings of a run of this size on the session; closing the handle puts the previous
   * values back (the session may run other work afterwards, as in tests).
   */
  static Applied apply(Size size, SparkSession spark) {
    RuntimeConfig conf = spark.conf();
    Map<String, String> applied = settings(size, spark.sparkContext().defaultParallelism(),
        Integer.parseInt(conf.get(SHUFFLE_PARTITIONS)), new SparkConf());
    Map<String, String> previous = new LinkedHashMap<>();
    applied.forEach((k, v) -> {
      previous.put(k, conf.getOption(k).getOrElse(() -> null));
      conf.set(k, v);
    });
    if (!applied.isEmpty()) {
      log.info("{} corpus: {}", size.kind() == Kind.TINY ? "Tiny" : size.kind() == Kind.SMALL ? "Small" : "Large", applied);
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

  /** The size of the corpus in the ingest tables under {@code tablesRoot} (large when there are none yet). */
  static Size ofCorpus(SparkSession spark, String tablesRoot) {
    TableWriter tables = new TableWriter(tablesRoot);
    long articles;
    try {
      articles = tables.rowCount(spark, Tables.ARTICLES);
    } catch (UncheckedIOException missing) {
      return Size.LARGE; // the job itself reports the missing table
    }
    return articles <= TINY_ARTICLES ? Size.TINY : articles <= MAX_ARTICLES ? Size.SMALL
        : Size.large(ceilDiv(articles, ARTICLES_PER_SHUFFLE_PARTITION));
  }

  /** The size of an input path (a file or a folder, on any Hadoop file system; large when missing). */
  static Size ofInput(SparkSession spark, String input) {
    Path root = new Path(input);
    try {
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(root)) {
        return Size.LARGE;
      }
      long bytes = textBytes(fs, root);
      return bytes <= TINY_INPUT_BYTES ? Size.TINY : bytes <= MAX_INPUT_BYTES ? Size.SMALL
          : Size.large(ceilDiv(bytes, BYTES_PER_SHUFFLE_PARTITION));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + root + ": " + e.getMessage(), e);
    }
  }

  /** The input's bytes, compressed files weighted. */
  static long textBytes(FileSystem fs, Path root) throws IOException {
    FileStatus status = fs.getFileStatus(root);
    if (status.isFile()) {
      return weighted(status);
    }
    long total = 0;
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
    while (files.hasNext()) {
      total += weighted(files.next());
    }
    return total;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  private static long weighted(FileStatus file) {
    String name = file.getPath().getName().toLowerCase(Locale.ROOT);
    boolean compressed = name.endsWith(".gz") || name.endsWith(".bz2") || name.endsWith(".zst")
        || name.endsWith(".parquet");
    return compressed ? file.getLen() * COMPRESSED_FACTOR : file.getLen();
  }
}
