package io.arabicnews.entities;

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
 * Relies on ingest writing an article's sentences together.
 */
public final class EntityExtractor {
  public static final Encoder<EntityHit> ENCODER = Encoders.bean(EntityHit.class);

  private EntityExtractor() {}

  /** @param sentences rows with {@code article_id, sentence_index, text} */
  public static Dataset<EntityHit> extract(Dataset<Row> sentences, Broadcast<EntityResources> resources) {
    return sentences
        .select("article_id", "sentence_index", "text")
        .mapPartitions(
            (MapPartitionsFunction<Row, EntityHit>) rows -> new PartitionExtractor(rows, resources.value()),
            ENCODER);
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
      super(rows);
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
      for (Pending p : pending) {
        // A bare surname without the full name in this article is too ambiguous to count.
        if (!p.conditional() || namedInFull.contains(p.hit().getEntityId())) {
          ready.add(p.hit());
        }
      }
      pending.clear();
      namedInFull.clear();
    }
  }
}
