package io.arabicnews.topics;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import lombok.extern.slf4j.Slf4j;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * LDA topics learned from the article terms (words and kept phrases) with Spark MLlib. The
 * vocabulary leaves out terms that are rare or in more than a fifth of the articles (stop words are
 * never terms); each learned topic's top terms are its most relevant ones ({@link TopTerms}), its
 * Arabic label the first three. Seeded, so runs reproduce.
 */
@Slf4j
public final class LearnedTopics {
  static final int LDA_PARTITIONS = 8;
  /** Below this many articles per partition, fewer partitions (see {@link #partitionsFor}). */
  static final long ARTICLES_PER_PARTITION = 1_000;

  /**
   * The learned topic of an article LDA cannot place: none of its terms is in the LDA vocabulary (in
   * egypt-news-2013, four English wire stories), so it still has learned weights summing to 1.
   */
  public static final String UNASSIGNED = "lda_unassigned";

  private LearnedTopics() {}

  /**
   * The learned topics ({@code topic_id, label_en, label_ar, top_terms}; {@code label_en} is named
   * later, by {@link LearnedTopicNames}) and the article weights ({@code article_id, topic_id, weight,
   * matched_terms}); or, when the input is too small to fit the topics and the user did not ask for
   * them, neither, with {@link #skipped} saying why.
   */
  public record Result(Dataset<Row> topics, Dataset<Row> articleTopics, String skipped, Model model) {
    static Result skipped(String why) {
      return new Result(null, null, why, null);
    }

    public boolean fitted() {
      return skipped == null;
    }
  }

  /**
   * Weight of a term's probability in its relevance to a topic ({@link TopTerms#relevance}). On
   * egypt-news-2013, 0.6 (LDAvis' choice) still led the crime-reports topic with «سنة» (the ages in
   * «عاطل 25 سنة»); 0.4 leads it with «المباحث» and puts more named phrases in every list.
   */
  static final double TOP_TERM_LAMBDA = 0.4;
  static final int TOP_TERMS = 10;

  /**
   * @param articleIds {@code article_id} of every article: each gets learned weights
   * @param articleTerms the article_terms table
   * @param frequencies the term_frequencies table
   */
  public static Result learn(SparkSession spark, Dataset<Row> articleIds, Dataset<Row> articleTerms,
      Dataset<Row> frequencies, long articleCount, TopicsConfig cfg) {
    long minDf = cfg.effectiveMinDocCount(articleCount);
    long maxDf = (long) Math.floor(cfg.getLdaMaxDocFraction() * articleCount);
    List<Row> vocabRows = frequencies
        .filter(col("doc_count").geq(minDf).and(col("doc_count").leq(Math.max(minDf, maxDf))))
        .orderBy(col("doc_count").desc(), col("term_key"))
        .limit(cfg.getLdaVocabulary())
        .select("term_key", "display_form")
        .collectAsList();
    String[] vocabulary = vocabRows.stream().map(r -> r.getString(0)).toArray(String[]::new);
    String[] display = vocabRows.stream().map(r -> r.getString(1)).toArray(String[]::new);
    log.info("LDA over {} articles, vocabulary {} terms (doc count {}..{}), k={}, {} iterations, seed {}",
        articleCount, vocabulary.length, minDf, maxDf, cfg.getLdaTopics(), cfg.getLdaIterations(), cfg.getLdaSeed());
    if (vocabulary.length < cfg.getLdaTopics()) {
      String why = "only " + vocabulary.length + " terms qualify for LDA (doc count " + minDf + ".." + maxDf + " of "
          + articleCount + " article(s)), fewer than the " + cfg.getLdaTopics() + " topics";
      if (cfg.isLdaTopicsGiven()) {
        throw new IllegalArgumentException(
            "Only" + why.substring(4) + "; lower --lda-min-doc-count or --lda-topics, or use --lda-topics 0");
      }
      log.warn("Learned topics skipped: {} (the input is too small; every other table is written)", why);
      return Result.skipped(why);
    }

    // On disk, not in memory first: at 16× egypt-news-2013 each of the 8 partitions holds hundreds of
    // MB of vectors, and two tasks filling the memory store before falling back to disk ran a 2 GB
    // pipeline out of heap (docs/benchmarks.md). Each iteration reads them back from the page cache.
    Dataset<Row> docs =
        documents(spark, articleTerms, vocabulary, partitionsFor(articleCount)).persist(StorageLevel.DISK_ONLY());
    // MLlib's online LDA step for step, with less work per mini-batch (OnlineLda) and the accurate, faster
    // digamma in the per-document inference: MLlib's model to rounding (docs/topics.md: weights within
    // 7.7e-8 for 99% of the egypt-news-2013 rows, 8.9e-5 at most).
    LDAModel model = OnlineLda.fit(spark, docs, vocabulary.length, cfg.getLdaTopics(), cfg.getLdaIterations(),
        cfg.getLdaSeed(), Digamma.Kind.FAST);

    List<Row> topics = new ArrayList<>();
    List<List<Integer>> tops = TopTerms.ofModel(model.topicsMatrix(), vocabulary, TOP_TERM_LAMBDA, TOP_TERMS);
    for (int topic = 0; topic < tops.size(); topic++) {
      List<String> top = tops.get(topic).stream().map(i -> display[i]).toList();
      String label = String.join(" / ", top.subList(0, Math.min(3, top.size())));
      // label_en is named from the curated topics and entities its articles share (LearnedTopicNames).
      topics.add(RowFactory.create(topicId(topic), "Learned topic " + topic, label, top));
    }
    topics.add(RowFactory.create(UNASSIGNED, "Unassigned (no term of the LDA vocabulary)", TopicTables.UNASSIGNED_AR, List.of()));
    StructType topicSchema = new StructType().add("topic_id", DataTypes.StringType)
        .add("label_en", DataTypes.StringType).add("label_ar", DataTypes.StringType)
        .add("top_terms", DataTypes.createArrayType(DataTypes.StringType));

    // The weights MLlib's transform gives, without its per-document boxing (see TopicInference).
    Model kept = new Model(vocabulary, TopicInference.of(model, Digamma.Kind.FAST), cfg.getLdaMinWeight());
    return new Result(spark.createDataFrame(topics, topicSchema), weights(spark, articleIds, docs, kept), null, kept);
  }

  /**
   * The learned topics' weights of {@code articleIds} by a model fitted before: how an append weighs
   * its new articles (the model stays that of the last full run).
   *
   * @param articleTerms the articles' article_terms rows
   */
  public static Dataset<Row> weigh(SparkSession spark, Dataset<Row> articleIds, Dataset<Row> articleTerms, Model model) {
    return weights(spark, articleIds, documents(spark, articleTerms, model.vocabulary, 1), model);
  }

  private static Dataset<Row> weights(SparkSession spark, Dataset<Row> articleIds, Dataset<Row> docs, Model model) {
    StructType weightSchema = new StructType().add("article_id", DataTypes.StringType)
        .add("topic_id", DataTypes.StringType).add("weight", DataTypes.DoubleType);
    double minWeight = model.minWeight;
    Broadcast<TopicInference> inference =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(model.inference);
    Dataset<Row> weights = docs
        .flatMap((FlatMapFunction<Row, Row>) r -> {
          double[] dist = inference.value().weights(r.getAs(1));
          double kept = 0;
          for (double w : dist) {
            kept += w >= minWeight ? w : 0;
          }
          List<Row> out = new ArrayList<>();
          for (int i = 0; i < dist.length; i++) {
            if (dist[i] >= minWeight) {
              out.add(RowFactory.create(r.getString(0), topicId(i), dist[i] / kept));
            }
          }
          if (out.isEmpty()) {
            // No vocabulary term (all weights zero, as MLlib gives), or every weight under the minimum.
            out.add(RowFactory.create(r.getString(0), UNASSIGNED, 1.0));
          }
          return out.iterator();
        }, org.apache.spark.sql.Encoders.row(weightSchema));
    // Articles without a single article_terms row are not documents at all (adding them would change
    // the fit's mini-batches): unassigned too.
    Dataset<Row> withoutTerms = articleIds
        .join(docs.select("article_id"), new String[] {"article_id"}, "left_anti")
        .select(col("article_id"), lit(UNASSIGNED).as("topic_id"), lit(1.0).as("weight"));
    return weights.unionByName(withoutTerms).withColumn("matched_terms", lit(null).cast("array<string>"));
  }

  /** A fitted model as new articles are weighed by it: the vocabulary, the inference and the minimum weight. */
  public static final class Model implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String[] vocabulary;
    private final TopicInference inference;
    private final double minWeight;

    Model(String[] vocabulary, TopicInference inference, double minWeight) {
      this.vocabulary = vocabulary;
      this.inference = inference;
      this.minWeight = minWeight;
    }

    public void save(Configuration conf, String file) {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file);
      try (ObjectOutputStream out = new ObjectOutputStream(path.getFileSystem(conf).create(path, true))) {
        out.writeObject(this);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write the learned topic model " + file + ": " + e.getMessage(), e);
      }
    }

    /** The model saved at {@code file}, or null when there is none (the last full run fitted no learned topics). */
    public static Model load(Configuration conf, String file) {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file);
      try {
        FileSystem fs = path.getFileSystem(conf);
        if (!fs.exists(path)) {
          return null;
        }
        try (ObjectInputStream in = new ObjectInputStream(fs.open(path))) {
          return (Model) in.readObject();
        }
      } catch (IOException | ClassNotFoundException e) {
        throw new UncheckedIOException("Cannot read the learned topic model " + file + ": " + e.getMessage(),
            e instanceof IOException io ? io : new IOException(e));
      }
    }
  }

  /**
   * One row per article of {@code articleTerms}: {@code article_id} and {@code features}, the counts of
   * the vocabulary's terms as a sparse vector (an article with none of them has an empty one and is
   * still a document: online LDA weighs its updates by the corpus size). The same vectors as
   * {@code CountVectorizerModel} over each article's terms repeated term_count times, without
   * building those arrays: the rows are numbered by a broadcast vocabulary, hashed to {@code
   * partitions} by article id and sorted, and each article's run becomes one vector.
   *
   * <p>A fixed partitioning and order: online LDA samples per partition, so a cluster and a local run
   * (and every re-run) see the same mini-batches.
   */
  public static Dataset<Row> documents(SparkSession spark, Dataset<Row> articleTerms, String[] vocabulary, int partitions) {
    List<Row> indexRows = new ArrayList<>(vocabulary.length);
    for (int i = 0; i < vocabulary.length; i++) {
      indexRows.add(RowFactory.create(vocabulary[i], i));
    }
    Dataset<Row> index = spark.createDataFrame(indexRows,
        new StructType().add("term_key", DataTypes.StringType).add("term_index", DataTypes.IntegerType));
    Dataset<Row> counts = articleTerms
        .join(broadcast(index), "term_key")
        .select(col("article_id"), col("term_index"), col("term_count"));
    // One row per article with index -1 keeps articles without vocabulary terms as (empty) documents.
    Dataset<Row> articles = articleTerms.select("article_id").distinct()
        .select(col("article_id"), lit(-1).as("term_index"), lit(0L).as("term_count"));
    int size = vocabulary.length;
    StructType schema = new StructType().add("article_id", DataTypes.StringType).add("features", new VectorUDT());
    return counts.unionByName(articles)
        .repartition(partitions, col("article_id"))
        .sortWithinPartitions("article_id", "term_index")
        .mapPartitions((MapPartitionsFunction<Row, Row>) rows -> new DocumentIterator(rows, size), Encoders.row(schema));
  }

  /** Turns rows sorted by article and term index into one sparse vector per article. */
  private static final class DocumentIterator implements Iterator<Row> {
    private final Iterator<Row> rows;
    private final int size;
    private Row pending;
    private int[] indices = new int[64];
    private double[] values = new double[64];

    DocumentIterator(Iterator<Row> rows, int size) {
      this.rows = rows;
      this.size = size;
      this.pending = rows.hasNext() ? rows.next() : null;
    }

    @Override
    public boolean hasNext() {
      return pending != null;
    }

    @Override
    public Row next() {
      if (pending == null) {
        throw new NoSuchElementException();
      }
      String article = pending.getString(0);
      int n = 0;
      while (pending != null && pending.getString(0).equals(article)) {
        int term = pending.getInt(1);
        if (term >= 0) {
          if (n == indices.length) {
            indices = Arrays.copyOf(indices, 2 * n);
            values = Arrays.copyOf(values, 2 * n);
          }
          indices[n] = term;
          values[n] = pending.getLong(2);
          n++;
        }
        pending = rows.hasNext() ? rows.next() : null;
      }
      return RowFactory.create(article, Vectors.sparse(size, Arrays.copyOf(indices, n), Arrays.copyOf(values, n)));
    }
  }

  /**
   * Eight partitions from 8,000 articles up, fewer below: online LDA asks of every sampled
   * mini-batch whether it is empty, and on a small corpus most of eight partitions are, each probe a
   * Spark job (about 50 of the seed run's 289 jobs). A function of the article count only, so runs
   * stay reproducible.
   */
  static int partitionsFor(long articleCount) {
    return (int) Math.max(1, Math.min(LDA_PARTITIONS, articleCount / ARTICLES_PER_PARTITION));
  }

  /**
   * Whether writing the learned weights into {@code files} files without a shuffle would compute them
   * in fewer tasks than the documents' partitions ({@link #partitionsFor}): 2 files for 8 partitions
   * at 150,000 articles. Then a shuffle into the files costs less than it frees (at 1× it was not
   * measurable); from 800,000 articles up the files are as many as the partitions, and the shuffle of
   * 10 million rows at 16× egypt-news-2013 added 58 s.
   */
  public static boolean mergingFilesLimitsWeightTasks(int files, long articleCount) {
    return files < partitionsFor(articleCount);
  }

  static String topicId(int i) {
    return String.format("lda_%02d", i);
  }
}
