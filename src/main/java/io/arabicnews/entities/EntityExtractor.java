package io.arabicnews.entities;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import io.arabicnews.corpus.PerArticleIterator;
import io.arabicnews.text.AnalyzedToken;
import io.arabicnews.text.ArabicTextAnalyzer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * One pass over the sentences: gazetteer mentions and candidate names, per article. A bare surname
 * («شكري») is kept only when its article also names the entity by a plain alias («سامح شكري»).
 * Relies on ingest writing an article's sentences together; articles a reader split may have cut
 * are settled by {@link #resolveCut}.
 */
public final class EntityExtractor {
  public static final Encoder<EntityHit> ENCODER = Encoders.bean(EntityHit.class);

  private EntityExtractor() {}

  /**
   * Mentions and candidates, from one pass over the sentences as ingest wrote them. In an article a
   * reader split may have cut (see {@link PerArticleIterator}) a bare surname not named in full in
   * its piece comes as {@link EntityHit#UNRESOLVED_SURNAME}: {@link #resolveCut} settles it.
   *
   * @param sentences rows with {@code article_id, sentence_index, text}
   */
  public static Dataset<EntityHit> extract(Dataset<Row> sentences, Broadcast<EntityResources> resources) {
    return sentences
        .select(col("article_id"), col("sentence_index"), col("text"), PerArticleIterator.inputSplit())
        .mapPartitions(
            (MapPartitionsFunction<Row, EntityHit>) rows -> new PartitionExtractor(rows, resources.value()),
            ENCODER);
  }

  /**
   * {@link #extract}'s hits with each unresolved bare surname kept as a mention when another piece
   * of its article names the entity in full (a mention that is neither a nisba nor itself a bare
   * surname), and dropped otherwise: the rule of a whole article. The caller keeps the hits: this
   * reads them twice.
   */
  public static Dataset<EntityHit> resolveCut(Dataset<EntityHit> hits) {
    Dataset<EntityHit> unresolved = hits.filter(col("kind").equalTo(EntityHit.UNRESOLVED_SURNAME));
    Dataset<Row> namedInFull = hits
        .filter(col("kind").equalTo(EntityHit.MENTION).and(not(col("nisba"))))
        .select("articleId", "entityId");
    String[] articleEntity = {"articleId", "entityId"};
    // Both sides small and broadcast: the surnames of a few cut articles, and their full names.
    Dataset<Row> settled = namedInFull
        .join(broadcast(unresolved.select("articleId", "entityId").distinct()), articleEntity, "left_semi")
        .distinct();
    Dataset<EntityHit> kept = unresolved
        .join(broadcast(settled), articleEntity, "left_semi")
        .withColumn("kind", lit(EntityHit.MENTION))
        .as(ENCODER);
    return hits.filter(col("kind").notEqual(EntityHit.UNRESOLVED_SURNAME)).unionByName(kept);
  }

  private record Pending(EntityHit hit, boolean conditional) {}

  /** Extracts one partition's sentences, article by article. */
  private static final class PartitionExtractor extends PerArticleIterator<EntityHit> {
    private final ArabicTextAnalyzer analyzer;
    private final Gazetteer gazetteer;
    private final CandidateFinder finder;
    /** The article's hits so far; a bare-surname mention waits for the whole article to be seen. */
    private final List<Pending> pending = new ArrayList<>();
    private final Set<String> namedInFull = new HashSet<>();

    PartitionExtractor(Iterator<Row> rows, EntityResources resources) {
      super(rows, 3);
      this.analyzer = new ArabicTextAnalyzer(resources.analyzer());
      this.gazetteer = resources.gazetteer();
      this.finder = resources.candidateFinder();
    }

    @Override
    protected void sentence(String articleId, Row r) {
      if (!r.isNullAt(2)) {
        process(articleId, r.getInt(1), r.getString(2));
      }
    }

    @Override
    protected void close() {
      analyzer.close();
    }

    private void process(String id, int sentenceIndex, String text) {
      List<AnalyzedToken> tokens = analyzer.analyze(text);
      List<Mention> mentions = gazetteer.match(text, tokens);
      for (Mention m : mentions) {
        if (!m.nisba() && !m.conditional()) {
          namedInFull.add(m.entityId());
        }
        pending.add(new Pending(new EntityHit(EntityHit.MENTION, id, sentenceIndex, m.start(), m.entityId(),
            m.surface(), m.nisba(), null), m.conditional()));
      }
      for (CandidateFinder.Candidate c : finder.find(text, tokens, mentions)) {
        pending.add(new Pending(new EntityHit(EntityHit.CANDIDATE, id, sentenceIndex, c.position(), c.key(),
            c.display(), false, c.cue()), false));
      }
    }

    @Override
    protected void endArticle(String article, List<EntityHit> ready) {
      boolean cut = atPartitionEdge();
      for (Pending p : pending) {
        // A bare surname without the full name in this article is too ambiguous to count.
        if (!p.conditional() || namedInFull.contains(p.hit().getEntityId())) {
          ready.add(p.hit());
        } else if (cut) {
          // The full name may be in another piece of the article.
          p.hit().setKind(EntityHit.UNRESOLVED_SURNAME);
          ready.add(p.hit());
        }
      }
      pending.clear();
      namedInFull.clear();
    }
  }
}
