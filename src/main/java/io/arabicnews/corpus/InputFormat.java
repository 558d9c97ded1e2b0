package io.arabicnews.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** The corpus formats ingest reads, and detection of the format from a path. */
public enum InputFormat {
  TEXT,
  JSONL,
  CSV,
  PARQUET;

  /** File names a format is detected from (and that a folder of that format is filtered to). */
  public boolean accepts(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    return switch (this) {
      case TEXT -> n.endsWith(".txt");
      case JSONL -> n.endsWith(".jsonl") || n.endsWith(".jsonl.gz") || n.endsWith(".json")
          || n.endsWith(".json.gz") || n.endsWith(".ndjson");
      case CSV -> n.endsWith(".csv") || n.endsWith(".csv.gz");
      case PARQUET -> n.endsWith(".parquet");
    };
  }

  public static InputFormat parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--format must be one of text, jsonl, csv, parquet (got «" + s + "»)");
    }
  }

  /**
   * The format of a file by its name, or of a folder by the files in it (recursively). A folder of
   * .txt files may also hold a manifest .csv; otherwise mixed formats need an explicit --format.
   */
  public static InputFormat detect(FileSystem fs, Path root, String manifestName) {
    try {
      FileStatus status = fs.getFileStatus(root);
      if (status.isFile()) {
        return fromName(root.getName())
            .orElseThrow(
                () -> new IllegalArgumentException(
                    "Cannot tell the format of " + root + " from its name; pass --format"));
      }
      Map<InputFormat, Integer> counts = new TreeMap<>();
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
      while (files.hasNext()) {
        Path p = files.next().getPath();
        if (p.getName().startsWith(".") || p.getName().startsWith("_") || p.getName().equals(manifestName)) {
          continue;
        }
        fromName(p.getName()).ifPresent(f -> counts.merge(f, 1, Integer::sum));
      }
      if (counts.isEmpty()) {
        throw new IllegalArgumentException(
            "No .txt, .jsonl(.gz), .csv or .parquet files under " + root);
      }
      if (counts.containsKey(TEXT)) {
        return TEXT;
      }
      if (counts.size() > 1) {
        throw new IllegalArgumentException(
            "Mixed formats under " + root + " " + counts + "; pass --format to choose one");
      }
      return counts.keySet().iterator().next();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + root + ": " + e.getMessage(), e);
    }
  }

  static java.util.Optional<InputFormat> fromName(String name) {
    for (InputFormat f : values()) {
      if (f.accepts(name)) {
        return java.util.Optional.of(f);
      }
    }
    return java.util.Optional.empty();
  }
}
