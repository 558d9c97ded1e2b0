package io.arabicnews.append;

import static org.apache.spark.sql.functions.col;

import io.arabicnews.entities.GazetteerFile;
import io.arabicnews.entities.tagger.NameModels;
import io.arabicnews.tables.TableSchema;
import io.arabicnews.tables.Tables;
import io.arabicnews.topics.Taxonomy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What a full run keeps in {@code <output root>/_state/} so that {@code --mode append} can add new
 * articles without reading the archive's text again: the settings the tables were made with, the
 * word shingles and near-duplicate pairs of every article (new articles are compared with the
 * archive), the name tagger's per-mention readings (the tagger's entities are named from all their
 * mentions) and the learned topic model (new articles are weighed by it). An internal folder, not a
 * table: its layout may change with {@link #FORMAT}, and an append to an older one stops.
 */
public final class AppendState {
  /** The folder under the output root. */
  public static final String DIR = "_state";
  /** Bumped whenever the folder's layout or the tables' meaning changes incompatibly. */
  public static final String FORMAT = "1";
  public static final String SHINGLES = "shingles";
  public static final String PAIRS = "duplicate_pairs";
  public static final String MODEL_MENTIONS = "model_mentions";
  /** Sentences and articles naming each entity ({@code entity_id, scope, units}): the co-mention scores' margins. */
  public static final String ENTITY_UNITS = "entity_units";
  public static final String LDA_MODEL = "lda-model.bin";
  /** The terms of the last full run with their display form, stems and phrase scores: what appends count. */
  public static final String VOCABULARY = "vocabulary";
  public static final String SETTINGS = "settings.properties";
  /** Key in {@link #SETTINGS} of the full run whose vocabulary and learned model the tables use. */
  public static final String MODEL_RUN_ID = "model-run-id";

  /** Options that say where things are or how fast to run, not what the tables mean. */
  private static final Set<String> NOT_SETTINGS = Set.of("--input", "--output", "--master", "--config", "--mode",
      "--format", "--manifest", "--id-column", "--title-column", "--text-column", "--date-column", "--source-column",
      "--url-column", "--broadcast-articles");
  /** Options naming a file: what counts is its content. */
  private static final Set<String> FILES = Set.of("--stopwords", "--lexicon", "--gazetteer", "--name-model",
      "--taxonomy", "--boilerplate");

  public static final StructType SHINGLES_SCHEMA = new StructType()
      .add("article_id", DataTypes.StringType)
      .add("n_chars", DataTypes.IntegerType)
      .add("shingles", DataTypes.createArrayType(DataTypes.IntegerType))
      .add("published_date", DataTypes.DateType);
  public static final StructType PAIRS_SCHEMA = new StructType()
      .add("a", DataTypes.StringType).add("b", DataTypes.StringType).add("similarity", DataTypes.DoubleType);

  private AppendState() {}

  public static String root(String outputRoot) {
    return strip(outputRoot) + "/" + DIR;
  }

  public static String path(String stateRoot, String name) {
    return strip(stateRoot) + "/" + name;
  }

  /**
   * Every article's shingles ({@code article_id, published_date, n_chars, shingles}), one folder per
   * publication day: an append reads only the days its new articles can be near-duplicates of.
   */
  public static void writeShingles(Dataset<Row> shingles, String stateRoot) {
    shingles.select("article_id", "n_chars", "shingles", "published_date")
        .repartition(col("published_date"))
        .write().mode(SaveMode.Overwrite).option("compression", "snappy")
        .partitionBy("published_date").parquet(path(stateRoot, SHINGLES));
  }

  public static Dataset<Row> readShingles(SparkSession spark, String stateRoot) {
    return spark.read().schema(SHINGLES_SCHEMA).parquet(path(stateRoot, SHINGLES));
  }

  public static void writePairs(Dataset<Row> pairs, String stateRoot) {
    pairs.select("a", "b", "similarity").coalesce(1).write().mode(SaveMode.Overwrite).option("compression", "snappy")
        .parquet(path(stateRoot, PAIRS));
  }

  public static Dataset<Row> readPairs(SparkSession spark, String stateRoot) {
    return spark.read().schema(PAIRS_SCHEMA).parquet(path(stateRoot, PAIRS));
  }

  public static Dataset<Row> noPairs(SparkSession spark) {
    return spark.createDataFrame(List.of(), PAIRS_SCHEMA);
  }

  /**
   * The settings that decide what the tables hold: every option but those naming the input, the
   * output or the cluster; files by the SHA-256 of their content; the shipped gazetteer, taxonomy
   * and name model by theirs; and the tables' columns.
   */
  public static Map<String, String> fingerprint(Map<String, String> parameters) {
    Map<String, String> out = new TreeMap<>();
    out.put("state-format", FORMAT);
    out.put("tables", sha256(schemas().getBytes(StandardCharsets.UTF_8)));
    out.put("shipped-gazetteer", resourceSha(GazetteerFile.RESOURCE));
    out.put("shipped-taxonomy", resourceSha(Taxonomy.RESOURCE));
    out.put("shipped-name-model", resourceSha(NameModels.SHIPPED));
    parameters.forEach((k, v) -> {
      String key = k.startsWith("--") ? k : "--" + k;
      if (NOT_SETTINGS.contains(key) || v == null) {
        return;
      }
      out.put(key, FILES.contains(key) && !"none".equals(v) ? "sha256:" + fileSha(v) : v);
    });
    return out;
  }

  private static String schemas() {
    StringBuilder b = new StringBuilder();
    for (TableSchema t : Tables.all()) {
      b.append(t.name()).append(t.structType().catalogString()).append('\n');
    }
    return b.toString();
  }

  public static void writeSettings(Configuration conf, String stateRoot, Map<String, String> fingerprint) {
    Properties p = new Properties();
    p.putAll(fingerprint);
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(path(stateRoot, SETTINGS));
    try (OutputStream out = file.getFileSystem(conf).create(file, true)) {
      p.store(out, "Settings the tables under this output root were made with (written by a full run)");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** The stored settings, or null when the output root has none (no full run, or one by an older version). */
  public static Map<String, String> readSettings(Configuration conf, String stateRoot) {
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(path(stateRoot, SETTINGS));
    try {
      FileSystem fs = file.getFileSystem(conf);
      if (!fs.exists(file)) {
        return null;
      }
      Properties p = new Properties();
      try (FSDataInputStream in = fs.open(file)) {
        p.load(in);
      }
      Map<String, String> out = new TreeMap<>();
      p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Why an append with {@code current} settings cannot extend tables made with {@code stored}, or
   * null when it can: one message naming every setting that differs.
   */
  public static String incompatibility(Map<String, String> stored, Map<String, String> current, String outputRoot) {
    if (stored == null) {
      return "--mode append: " + outputRoot + " holds no tables of a full run by this version (no " + DIR + "/" + SETTINGS
          + "); run --mode replace on it first";
    }
    if (!FORMAT.equals(stored.get("state-format")) || !current.get("tables").equals(stored.get("tables"))) {
      return "--mode append: the tables in " + outputRoot + " were written by another version of the jobs (state format "
          + stored.get("state-format") + ", tables " + stored.get("tables") + "); run --mode replace to rewrite them";
    }
    List<String> differ = new java.util.ArrayList<>();
    Set<String> keys = new java.util.TreeSet<>(stored.keySet());
    keys.addAll(current.keySet());
    keys.remove(MODEL_RUN_ID);
    for (String k : keys) {
      String was = stored.get(k);
      String now = current.get(k);
      if (!java.util.Objects.equals(was, now)) {
        differ.add(k + " was " + (was == null ? "not set" : was) + ", now " + (now == null ? "not set" : now));
      }
    }
    return differ.isEmpty() ? null
        : "--mode append: these settings differ from the full run that made the tables in " + outputRoot + ": "
            + String.join("; ", differ) + ". Give the same settings (the same --config), or run --mode replace";
  }

  private static String fileSha(String file) {
    try {
      return sha256(Files.readAllBytes(Path.of(file)));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read file " + file + ": " + e.getMessage(), e);
    }
  }

  private static String resourceSha(String resource) {
    try (InputStream in = AppendState.class.getResourceAsStream(resource)) {
      return in == null ? "missing" : sha256(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String strip(String root) {
    return root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }
}
