package io.arabicnews;

import io.arabicnews.tables.ForklessLocalFileSystem;
import org.apache.spark.sql.SparkSession;

/**
 * One local SparkSession for the whole test JVM: {@code local[2]}, no UI, driver on loopback, few
 * shuffle partitions. Session start-up costs seconds, so test classes share it; a shutdown hook
 * stops it when the JVM exits.
 */
public abstract class SparkTestBase {
  private static SparkSession session;

  protected static synchronized SparkSession spark() {
    if (session == null) {
      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("arabic-news-tests")
              .config("spark.ui.enabled", "false")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.sql.shuffle.partitions", "5")
              .config("spark.sql.optimizer.canChangeCachedPlanOutputPartitioning", "true")
              .config("spark.sql.inMemoryColumnarStorage.compressed", "false")
              .config("spark.rdd.compress", "true")
              .config("spark.sql.session.timeZone", "UTC")
              // as SparkSessions sets it for the jobs: no chmod/ls process per file written or listed
              .config("spark.hadoop.fs.file.impl", ForklessLocalFileSystem.class.getName())
              .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }
}
