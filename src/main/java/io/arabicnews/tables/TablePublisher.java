package io.arabicnews.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import lombok.extern.slf4j.Slf4j;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Publishes a run's tables from its staging folder into the output root only after every stage
 * succeeded: a run that fails or is killed leaves the previous tables as they were. Each table is
 * swapped by directory renames (the old one moved aside first, deleted after), so a reader sees either
 * the old or the new version of a table, never half of one. On object stores without atomic renames
 * (S3) the swap is a copy; write to HDFS or a local disk and copy out if that matters.
 */
@Slf4j
public final class TablePublisher {
  public static final String STAGING = "_staging";
  private static final String PREVIOUS = "_previous";

  private TablePublisher() {}

  public static String stagingRoot(String outputRoot, String runId) {
    return strip(outputRoot) + "/" + STAGING + "/" + runId;
  }

  /** Moves every listed table present in the staging root into the output root, then drops the staging root. */
  public static void publish(Configuration conf, String outputRoot, String runId, List<String> tables) {
    String root = strip(outputRoot);
    Path staging = new Path(stagingRoot(root, runId));
    Path previous = new Path(root + "/" + PREVIOUS + "/" + runId);
    try {
      FileSystem fs = staging.getFileSystem(conf);
      fs.mkdirs(previous);
      for (String table : tables) {
        Path fresh = new Path(staging, table);
        if (!fs.exists(fresh)) {
          continue;
        }
        Path current = new Path(root, table);
        if (fs.exists(current) && !fs.rename(current, new Path(previous, table))) {
          throw new IOException("cannot move " + current + " aside");
        }
        if (!fs.rename(fresh, current)) {
          throw new IOException("cannot move " + fresh + " to " + current);
        }
      }
      fs.delete(previous, true);
      fs.delete(staging, true);
      Path stagingParent = staging.getParent();
      if (fs.exists(stagingParent) && fs.listStatus(stagingParent).length == 0) {
        fs.delete(stagingParent, true);
      }
      Path previousParent = previous.getParent();
      if (fs.exists(previousParent) && fs.listStatus(previousParent).length == 0) {
        fs.delete(previousParent, true);
      }
      log.info("Published run {} into {}", runId, root);
    } catch (IOException e) {
      throw new UncheckedIOException("Publishing run " + runId + " into " + root + " failed: " + e.getMessage(), e);
    }
  }

  private static String strip(String root) {
    return root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }
}
