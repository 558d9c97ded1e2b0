package io.arabicnews.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Row counts of written Parquet tables from their file footers, on the driver. A Spark count of a
 * table is a listing job plus a scan job; for the run summary and the manifest the footers say the
 * same in a few milliseconds per file.
 */
public final class ParquetRowCounts {
  private ParquetRowCounts() {}

  /** Rows in the Parquet files directly under {@code folder} (Spark's {@code _}/{@code .} files skipped). */
  public static long of(Configuration conf, String folder) {
    Path dir = new Path(folder);
    try {
      FileSystem fs = dir.getFileSystem(conf);
      long rows = 0;
      for (FileStatus f : fs.listStatus(dir)) {
        String name = f.getPath().getName();
        if (f.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
          rows += ofFile(conf, f.getPath());
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot count the rows of " + folder, e);
    }
  }

  /** Rows in one Parquet file, from its footer. */
  public static long ofFile(Configuration conf, Path file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
      return reader.getRecordCount();
    }
  }
}
