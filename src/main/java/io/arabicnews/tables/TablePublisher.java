package io.arabicnews.tables;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import lombok.extern.slf4j.Slf4j;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Publishes a run's output from its staging folder into the output root only after every stage
 * succeeded: a run that fails or is killed before publishing leaves the previous tables as they were.
 *
 * <p>What to publish is first written to a journal ({@code _journal/<run_id>}, written whole and
 * renamed into place), then carried out step by step, each step a rename that can be repeated:
 * <ul>
 *   <li>swap a folder (a whole table): the old one moved aside, the new one into place, so a reader
 *       of one table sees the old or the new version, never half of one;
 *   <li>add a file to a table (an append's new rows) or take one away (a file an append rewrote).
 * </ul>
 * A run killed while publishing leaves its journal behind, and the next run on the output root
 * finishes it ({@link #recover}) before doing anything else. On object stores without atomic renames
 * (S3) a rename is a copy: write to HDFS or a local disk there and copy out.
 */
@Slf4j
public final class TablePublisher {
  public static final String STAGING = "_staging";
  public static final String JOURNAL = "_journal";
  private static final String PREVIOUS = "_previous";
  private static final String SWAP = "SWAP";
  private static final String ADD = "ADD";
  private static final String REMOVE = "REMOVE";

  private TablePublisher() {}

  public static String stagingRoot(String outputRoot, String runId) {
    return strip(outputRoot) + "/" + STAGING + "/" + runId;
  }

  /** What one run publishes, in order. */
  public static final class Plan {
    private final String root;
    private final String runId;
    private final List<String> steps = new ArrayList<>();

    public Plan(String outputRoot, String runId) {
      this.root = strip(outputRoot);
      this.runId = runId;
    }

    /** Replace the folder {@code name} (a table, or a folder under the output root) with the staged one, if staged. */
    public Plan swap(String name) {
      steps.add(String.join("\t", SWAP, stagingRoot(root, runId) + "/" + name, root + "/" + name,
          previous() + "/" + name));
      return this;
    }

    /** Move a staged file (path under the staging root) to the same path under the output root. */
    public Plan add(String relative) {
      steps.add(String.join("\t", ADD, stagingRoot(root, runId) + "/" + relative, root + "/" + relative));
      return this;
    }

    /** Take a file of the output root away (path under the output root). */
    public Plan remove(String relative) {
      steps.add(String.join("\t", REMOVE, root + "/" + relative, previous() + "/" + relative));
      return this;
    }

    /** Every file staged under {@code folder} (e.g. a table's new rows), added at the same place. */
    public Plan addAll(Configuration conf, String folder) {
      Path dir = new Path(stagingRoot(root, runId) + "/" + folder);
      try {
        FileSystem fs = dir.getFileSystem(conf);
        if (!fs.exists(dir)) {
          return this;
        }
        String base = fs.makeQualified(new Path(stagingRoot(root, runId))).toUri().getPath();
        RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> files = fs.listFiles(dir, true);
        List<String> found = new ArrayList<>();
        while (files.hasNext()) {
          Path p = files.next().getPath();
          String name = p.getName();
          if (name.startsWith("_") || name.startsWith(".")) {
            continue; // _SUCCESS markers and checksum files (renamed along with their file)
          }
          found.add(p.toUri().getPath().substring(base.length() + 1));
        }
        found.sort(null);
        found.forEach(this::add);
        return this;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
      }
    }

    private String previous() {
      return root + "/" + PREVIOUS + "/" + runId;
    }

    public boolean isEmpty() {
      return steps.isEmpty();
    }
  }

  /** Writes the plan's journal, carries it out and clears the run's staging and set-aside files. */
  public static void publish(Configuration conf, Plan plan) {
    Path journal = new Path(plan.root + "/" + JOURNAL + "/" + plan.runId);
    try {
      FileSystem fs = journal.getFileSystem(conf);
      Path written = new Path(journal.getParent(), "." + plan.runId + ".tmp");
      try (OutputStream out = fs.create(written, true)) {
        out.write((String.join("\n", plan.steps) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      if (!fs.rename(written, journal)) {
        throw new IOException("cannot move " + written + " to " + journal);
      }
      carryOut(fs, journal, plan.root, plan.runId);
      log.info("Published run {} into {}", plan.runId, plan.root);
    } catch (IOException e) {
      throw new UncheckedIOException("Publishing run " + plan.runId + " into " + plan.root + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Finishes what a run killed while publishing left half done (its journal is still there), so the
   * output root holds that run's tables whole. Returns the runs finished.
   */
  public static List<String> recover(Configuration conf, String outputRoot) {
    String root = strip(outputRoot);
    Path dir = new Path(root + "/" + JOURNAL);
    List<String> finished = new ArrayList<>();
    try {
      FileSystem fs = dir.getFileSystem(conf);
      if (!fs.exists(dir)) {
        return finished;
      }
      for (FileStatus f : fs.listStatus(dir)) {
        String name = f.getPath().getName();
        if (name.startsWith(".")) {
          fs.delete(f.getPath(), false); // a journal never completed: its run published nothing
          continue;
        }
        log.warn("Run {} was stopped while publishing; finishing it", name);
        carryOut(fs, f.getPath(), root, name);
        finished.add(name);
      }
      return finished;
    } catch (IOException e) {
      throw new UncheckedIOException("Finishing an interrupted publication in " + root + " failed: " + e.getMessage(), e);
    }
  }

  private static void carryOut(FileSystem fs, Path journal, String root, String runId) throws IOException {
    List<String[]> steps = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(journal), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          steps.add(line.split("\t"));
        }
      }
    }
    for (int i = 0; i < steps.size(); i++) {
      if (i == steps.size() / 2) {
        Faults.at("mid-publish");
      }
      String[] s = steps.get(i);
      switch (s[0]) {
        case SWAP -> { // staged, live, aside: done once nothing is staged
          Path staged = new Path(s[1]);
          if (fs.exists(staged)) {
            Path live = new Path(s[2]);
            if (fs.exists(live)) {
              move(fs, live, new Path(s[3]));
            }
            move(fs, staged, live);
          }
        }
        case ADD, REMOVE -> { // from, to: done once from is gone
          Path from = new Path(s[1]);
          if (fs.exists(from)) {
            move(fs, from, new Path(s[2]));
          }
        }
        default -> throw new IOException("unknown step in " + journal + ": " + String.join(" ", s));
      }
    }
    fs.delete(new Path(root + "/" + PREVIOUS + "/" + runId), true);
    fs.delete(new Path(stagingRoot(root, runId)), true);
    deleteIfEmpty(fs, new Path(root + "/" + STAGING));
    deleteIfEmpty(fs, new Path(root + "/" + PREVIOUS));
    fs.delete(journal, false);
    deleteIfEmpty(fs, journal.getParent());
  }

  private static void move(FileSystem fs, Path from, Path to) throws IOException {
    fs.mkdirs(to.getParent());
    if (!fs.rename(from, to)) {
      throw new IOException("cannot move " + from + " to " + to);
    }
  }

  private static void deleteIfEmpty(FileSystem fs, Path dir) throws IOException {
    if (fs.exists(dir) && fs.listStatus(dir).length == 0) {
      fs.delete(dir, true);
    }
  }

  private static String strip(String root) {
    return root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }
}
