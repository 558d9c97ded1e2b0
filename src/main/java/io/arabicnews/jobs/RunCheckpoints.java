package io.arabicnews.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import lombok.extern.slf4j.Slf4j;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * A checkpoint directory for a run on a cluster, so data that a stage computes once and cuts from its
 * lineage (the near-duplicate clusters) survives the loss of the executor that computed it. Placed
 * under the output root, which every executor can reach when the tables can be written at all, and
 * removed when the run ends. Local runs and sessions that already have a checkpoint directory are
 * left as they are.
 */
@Slf4j
final class RunCheckpoints implements AutoCloseable {
  private final SparkContext sc;
  private final Path dir;

  private RunCheckpoints(SparkContext sc, Path dir) {
    this.sc = sc;
    this.dir = dir;
  }

  static RunCheckpoints open(SparkSession spark, String outputRoot) {
    SparkContext sc = spark.sparkContext();
    if (sc.isLocal() || sc.getCheckpointDir().isDefined()) {
      return new RunCheckpoints(sc, null);
    }
    Path dir = new Path(outputRoot, "_checkpoints/" + sc.applicationId());
    sc.setCheckpointDir(dir.toString());
    log.info("Checkpoints of this run go to {}", dir);
    return new RunCheckpoints(sc, dir);
  }

  @Override
  public void close() {
    if (dir == null) {
      return;
    }
    try {
      FileSystem fs = dir.getFileSystem(sc.hadoopConfiguration());
      fs.delete(dir, true);
      Path parent = dir.getParent();
      if (fs.exists(parent) && fs.listStatus(parent).length == 0) {
        fs.delete(parent, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the run's checkpoints " + dir, e);
    }
  }
}
