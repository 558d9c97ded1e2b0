package io.arabicnews.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import io.arabicnews.SparkTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.util.CollectionAccumulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableWriterTest extends SparkTestBase {
  private static final TableSchema NUMBERED =
      new TableSchema("numbered", "one numbered line")
          .column("id", LongType, "Line number", "1")
          .column("line", StringType, "The line's text", "line 1 of the table");

  @TempDir Path tmp;

  /** 400,000 lines of 64 hexadecimal digits that Snappy barely compresses: about 20 MB, in one file. */
  private static Dataset<Row> lines() {
    return spark().range(400_000).selectExpr("id", "sha2(cast(id as string), 256) as line");
  }

  /** Every row group of every Parquet file of the table. */
  private static List<BlockMetaData> rowGroups(Path table) throws IOException {
    List<BlockMetaData> groups = new ArrayList<>();
    try (Stream<Path> files = Files.list(table)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList()) {
        try (ParquetFileReader reader = ParquetFileReader.open(
            HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(f.toUri()), new Configuration()))) {
          groups.addAll(reader.getFooter().getBlocks());
        }
      }
    }
    return groups;
  }

  @Test
  void aLargeFileIsWrittenInRowGroupsAReaderCanSplit() throws IOException {
    TableWriter writer = new TableWriter(tmp.toString());
    writer.write(lines(), NUMBERED, 1);

    Path table = tmp.resolve("numbered");
    List<BlockMetaData> groups = rowGroups(table);
    assertThat(groups).as("row groups of one file of about 20 MB").hasSizeGreaterThanOrEqualTo(2);
    assertThat(groups.stream().mapToLong(BlockMetaData::getRowCount).sum()).isEqualTo(400_000);
    // Parquet closes a row group when its buffered size passes the target, checked every few
    // thousand rows: a little over is expected, twice over is not.
    assertThat(groups).allSatisfy(g -> assertThat(g.getCompressedSize()).isLessThan(2 * TableWriter.ROW_GROUP_BYTES));
    // Spark reads the one file in as many tasks as it has row groups, given splits that small.
    spark().conf().set("spark.sql.files.maxPartitionBytes", String.valueOf(TableWriter.ROW_GROUP_BYTES / 2));
    try {
      long tasksWithRows = spark().read().parquet(table.toString()).javaRDD()
          .mapPartitions(rows -> List.of(rows.hasNext() ? 1L : 0L).iterator())
          .collect().stream().mapToLong(Long::longValue).sum();
      assertThat(tasksWithRows).isEqualTo(groups.size());
    } finally {
      spark().conf().unset("spark.sql.files.maxPartitionBytes");
    }
  }

  /** Twelve partitions of work whose tasks note their partition ids in {@code tasks}. */
  private static Dataset<Row> work(CollectionAccumulator<Integer> tasks) {
    Dataset<Row> lines = spark().range(0, 12_000, 1, 12).selectExpr("id % 500 as id", "sha2(cast(id as string), 256) as line");
    return lines.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
      tasks.add(TaskContext.getPartitionId());
      return rows;
    }, Encoders.row(lines.schema()));
  }

  @Test
  void aShuffledWriteKeepsTheWorksOwnTasksAndEachKeyInOneFile() throws IOException {
    CollectionAccumulator<Integer> merged = spark().sparkContext().collectionAccumulator("merged");
    new TableWriter(tmp.resolve("merged").toString()).write(work(merged), NUMBERED, 3);
    assertThat(Set.copyOf(merged.value())).as("tasks of the work merged into 3 files").hasSize(3);

    CollectionAccumulator<Integer> shuffled = spark().sparkContext().collectionAccumulator("shuffled");
    new TableWriter(tmp.toString()).writeShuffled(work(shuffled), NUMBERED, 3, col("id"));
    assertThat(Set.copyOf(shuffled.value())).as("tasks of the work shuffled into 3 files").hasSize(12);

    Dataset<Row> lines = work(spark().sparkContext().collectionAccumulator());
    Dataset<Row> written = spark().read().parquet(tmp.resolve("numbered").toString()).withColumn("file", input_file_name());
    assertThat(written.select("file").distinct().count()).isEqualTo(3);
    assertThat(written.drop("file").exceptAll(lines).count()).isZero();
    assertThat(lines.exceptAll(written.drop("file")).count()).isZero();
    assertThat(written.groupBy("id").agg(countDistinct("file").as("files")).filter("files > 1").count())
        .as("ids written to more than one file").isZero();
  }

  @Test
  void aRowGroupSizeSetInTheSqlConfWins() throws IOException {
    spark().conf().set("parquet.block.size", String.valueOf(2L << 20));
    try {
      new TableWriter(tmp.toString()).write(lines(), NUMBERED, 1);
    } finally {
      spark().conf().unset("parquet.block.size");
    }
    assertThat(rowGroups(tmp.resolve("numbered"))).as("row groups of 2 MB").hasSizeGreaterThanOrEqualTo(8);
  }

  @Test
  void aRowGroupSizeSetInTheSessionWins() throws IOException {
    Configuration hadoop = spark().sparkContext().hadoopConfiguration();
    hadoop.setLong("parquet.block.size", 2L << 20);
    try {
      new TableWriter(tmp.toString()).write(lines(), NUMBERED, 1);
    } finally {
      hadoop.unset("parquet.block.size");
    }
    List<BlockMetaData> groups = rowGroups(tmp.resolve("numbered"));
    assertThat(groups).as("row groups of 2 MB").hasSizeGreaterThanOrEqualTo(8);
    assertThat(groups).allSatisfy(g -> assertThat(g.getCompressedSize()).isLessThan(4L << 20));
  }
}
