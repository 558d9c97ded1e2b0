package io.arabicnews.corpus;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import lombok.extern.slf4j.Slf4j;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a corpus into {@link RawArticle}s, one per input record: a folder of .txt files (decoded by
 * {@link TextDecoder}, joined to an optional manifest), JSON Lines, CSV or Parquet. Records that
 * cannot be read (undecodable files, broken JSON lines, manifest rows without a file) are returned
 * too, marked with a reject reason, so the caller can account for every input.
 */
@Slf4j
public final class CorpusReader {
  public static final Encoder<RawArticle> ENCODER = Encoders.bean(RawArticle.class);
  private static final String CORRUPT = "_corrupt_record";
  static final String[] MANIFEST_COLUMNS = {
    "file", "article_id", "source", "url", "title", "published_date"
  };

  private CorpusReader() {}

  /** The format that will be read: the spec's, or the one detected from the path. */
  public static InputFormat formatOf(SparkSession spark, CorpusSpec spec) {
    if (spec.getFormat() != null) {
      return spec.getFormat();
    }
    Path root = new Path(spec.getInputPath());
    return InputFormat.detect(fileSystem(spark, root), root, CorpusSpec.DEFAULT_MANIFEST);
  }

  public static Dataset<RawArticle> read(SparkSession spark, CorpusSpec spec) {
    Path root = new Path(spec.getInputPath());
    FileSystem fs = fileSystem(spark, root);
    try {
      if (!fs.exists(root)) {
        throw new IllegalArgumentException("Input path does not exist: " + spec.getInputPath());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read input path " + root + ": " + e.getMessage(), e);
    }
    InputFormat format = formatOf(spark, spec);
    List<String> files = listFiles(fs, root, format, CorpusSpec.DEFAULT_MANIFEST);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("No " + format + " files under " + root);
    }
    log.info("Reading {} {} file(s) under {}", files.size(), format, root);
    return switch (format) {
      case TEXT -> readTextFiles(spark, spec, fs, root, files);
      case JSONL -> fromTable(spark.read().schema(jsonSchema(spec))
              .option("mode", "PERMISSIVE")
              .option("columnNameOfCorruptRecord", CORRUPT)
              .json(files.toArray(String[]::new)), spec);
      case CSV -> fromTable(spark.read()
              .option("header", "true")
              .option("multiLine", "true")
              .option("escape", "\"")
              .option("mode", "PERMISSIVE")
              .csv(files.toArray(String[]::new)), spec);
      case PARQUET -> fromTable(spark.read().parquet(files.toArray(String[]::new)), spec);
    };
  }

  private static Dataset<RawArticle> readTextFiles(
      SparkSession spark, CorpusSpec spec, FileSystem fs, Path root, List<String> files) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    String rootPrefix = fs.makeQualified(root).toString() + "/";
    int partitions = Math.max(1, Math.min(files.size() / 2000 + 1, 4 * jsc.defaultParallelism()));
    JavaRDD<RawArticle> decoded =
        jsc.binaryFiles(String.join(",", files), partitions)
            .map(f -> fromFile(f._1(), rootPrefix, f._2().toArray()));
    Dataset<RawArticle> articles = spark.createDataset(decoded.rdd(), ENCODER);

    Path manifest = manifestPath(fs, root, spec);
    if (manifest == null) {
      return articles;
    }
    log.info("Joining text files to manifest {}", manifest);
    Dataset<Row> m = spark.read().option("header", "true").option("multiLine", "true")
        .option("escape", "\"").csv(manifest.toString());
    List<String> present = Arrays.asList(m.columns());
    if (!present.contains("file")) {
      throw new IllegalArgumentException(
          "Manifest " + manifest + " has no «file» column; expected " + String.join(", ", MANIFEST_COLUMNS)
              + " but found " + present);
    }
    for (String c : MANIFEST_COLUMNS) {
      m = present.contains(c) ? m.withColumnRenamed(c, "m_" + c) : m.withColumn("m_" + c, lit(null).cast("string"));
    }
    Column rel = col("inputPath").substr(rootPrefix.length() + 1, Integer.MAX_VALUE);
    Dataset<Row> joined =
        articles.withColumn("_rel", rel).join(m, col("_rel").equalTo(col("m_file")), "full_outer");
    Column missingFile = col("inputPath").isNull();
    return joined
        .select(
            coalesce(col("inputPath"), concat(lit(manifest + ": "), col("m_file"))).as("inputPath"),
            coalesce(nullIfBlank("m_article_id"), col("articleId")).as("articleId"),
            nullIfBlank("m_source").as("source"),
            nullIfBlank("m_url").as("url"),
            nullIfBlank("m_title").as("title"),
            col("text"),
            nullIfBlank("m_published_date").as("metadataDate"),
            col("encoding"),
            coalesce(col("titleInText"), lit(true)).as("titleInText"),
            when(missingFile, lit("missing_file")).otherwise(col("rejectReason")).as("rejectReason"),
            when(missingFile, concat(lit("manifest row names a file that is not under the input: "), col("m_file")))
                .otherwise(col("rejectDetail")).as("rejectDetail"))
        .as(ENCODER);
  }

  static RawArticle fromFile(String path, String rootPrefix, byte[] bytes) {
    DecodedText d = TextDecoder.decode(bytes);
    String name = path.substring(path.lastIndexOf('/') + 1);
    String stem = name.toLowerCase().endsWith(".txt") ? name.substring(0, name.length() - 4) : name;
    return RawArticle.builder()
        .inputPath(path)
        .articleId(stem)
        .text(d.text())
        .encoding(d.encoding())
        .titleInText(true)
        .rejectReason(d.rejectReason())
        .rejectDetail(d.rejectDetail())
        .build();
  }

  /** Maps a JSON Lines / CSV / Parquet table through the configured column names. */
  static Dataset<RawArticle> fromTable(Dataset<Row> df, CorpusSpec spec) {
    List<String> present = Arrays.asList(df.columns());
    if (!present.contains(spec.getTextColumn()) && !present.contains(CORRUPT)) {
      throw new IllegalArgumentException(
          "The input has no text column «" + spec.getTextColumn() + "» (columns: " + present
              + "); set --text-column");
    }
    Column corrupt = present.contains(CORRUPT) ? col(CORRUPT) : lit(null).cast("string");
    Column malformed = corrupt.isNotNull();
    return df.select(
            col("_metadata.file_path").as("inputPath"),
            column(present, spec.getIdColumn()).as("articleId"),
            column(present, spec.getSourceColumn()).as("source"),
            column(present, spec.getUrlColumn()).as("url"),
            column(present, spec.getTitleColumn()).as("title"),
            column(present, spec.getTextColumn()).as("text"),
            column(present, spec.getDateColumn()).as("metadataDate"),
            lit("UTF-8").as("encoding"),
            lit(false).as("titleInText"),
            when(malformed, lit("malformed")).as("rejectReason"),
            when(malformed, concat(lit("unparseable record: "), substring(corrupt, 1, 200)))
                .as("rejectDetail"))
        .as(ENCODER);
  }

  private static Column column(List<String> present, String name) {
    return present.contains(name) ? col(name).cast("string") : lit(null).cast("string");
  }

  private static Column nullIfBlank(String name) {
    return when(org.apache.spark.sql.functions.trim(col(name)).equalTo(""), lit(null))
        .otherwise(col(name));
  }

  private static StructType jsonSchema(CorpusSpec spec) {
    StructType schema = new StructType();
    List<String> names = new ArrayList<>();
    for (String c : new String[] {spec.getIdColumn(), spec.getSourceColumn(), spec.getUrlColumn(),
        spec.getTitleColumn(), spec.getTextColumn(), spec.getDateColumn()}) {
      if (!names.contains(c)) {
        names.add(c);
        schema = schema.add(c, DataTypes.StringType);
      }
    }
    return schema.add(CORRUPT, DataTypes.StringType);
  }

  private static Path manifestPath(FileSystem fs, Path root, CorpusSpec spec) {
    try {
      if (spec.getManifestPath() != null) {
        Path p = new Path(spec.getManifestPath());
        if (!fs.exists(p)) {
          throw new IllegalArgumentException("Manifest not found: " + p);
        }
        return p;
      }
      Path p = new Path(root, CorpusSpec.DEFAULT_MANIFEST);
      return fs.isDirectory(root) && fs.exists(p) ? p : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> listFiles(FileSystem fs, Path root, InputFormat format, String manifestName) {
    try {
      List<String> out = new ArrayList<>();
      if (fs.getFileStatus(root).isFile()) {
        out.add(fs.makeQualified(root).toString());
        return out;
      }
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        Path p = it.next().getPath();
        String n = p.getName();
        if (!n.startsWith(".") && !n.startsWith("_") && !n.equals(manifestName) && format.accepts(n)) {
          out.add(p.toString());
        }
      }
      Collections.sort(out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + root + ": " + e.getMessage(), e);
    }
  }

  static FileSystem fileSystem(SparkSession spark, Path p) {
    try {
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the file system of " + p + ": " + e.getMessage(), e);
    }
  }
}
