package io.arabicnews.entities;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;

import io.arabicnews.corpus.PerArticleIterator;
import io.arabicnews.entities.tagger.NameTagger;
import io.arabicnews.text.AnalyzedToken;
import io.arabicnews.text.ArabicTextAnalyzer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * One pass over the sentences: gazetteer mentions and the name tagger's names, per article. A bare
 * surname («شكري») is kept only when its article also names the entity by a plain alias («سامح
 * شكري»); a tagged one-word person only when the article names a tagged person of that surname in
 * full, whose entity it joins.
 * Relies on ingest writing an article's sentences together; articles a reader split may have cut
 * are settled by {@link #resolveCut}.
 */
public final class EntityExtractor {
  public static final Encoder<EntityHit> ENCODER = Encoders.bean(EntityHit.class);

  private EntityExtractor() {}

  /**
   * Mentions, from one pass over the sentences as ingest wrote them. In an article a
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
   * {@link #extract}'s hits with each unresolved bare surname settled by the rule of a whole article,
   * across the pieces of an article a reader split: a gazetteer surname is kept when another piece
   * names the entity in full (a mention that is neither a nisba nor itself a bare surname), else
   * dropped; the tagged people of a cut article are settled by {@link #joinFullNames}, as {@link
   * PartitionExtractor#endArticle} settles those of a whole one. The caller keeps the hits: this
   * reads them twice.
   */
  public static Dataset<EntityHit> resolveCut(Dataset<EntityHit> hits) {
    Dataset<EntityHit> gazetteerSurnames = hits
        .filter(col("kind").equalTo(EntityHit.UNRESOLVED_SURNAME).and(col("source").notEqual(EntityHit.MODEL)));
    Dataset<Row> namedInFull = hits
        .filter(col("kind").equalTo(EntityHit.MENTION).and(not(col("nisba"))).and(col("source").notEqual(EntityHit.MODEL)))
        .select("articleId", "entityId");
    String[] articleEntity = {"articleId", "entityId"};
    // Both sides small and broadcast: the surnames of a few cut articles, and their full names.
    Dataset<Row> settled = namedInFull
        .join(broadcast(gazetteerSurnames.select("articleId", "entityId").distinct()), articleEntity, "left_semi")
        .distinct();
    Dataset<EntityHit> kept = gazetteerSurnames
        .join(broadcast(settled), articleEntity, "left_semi")
        .withColumn("kind", lit(EntityHit.MENTION))
        .as(ENCODER);
    Dataset<EntityHit> people = hits.filter(col("kind").isin(EntityHit.UNRESOLVED_SURNAME, EntityHit.UNRESOLVED_NAME)
        .and(col("source").equalTo(EntityHit.MODEL)));
    return hits.filter(col("kind").equalTo(EntityHit.MENTION)).unionByName(kept).unionByName(joinFullNames(people, hits));
  }

  /**
   * The tagged people of cut articles, each given the first-printed tagged person (of any piece) whose
   * name ends with theirs; the unmatched keep their own entity, except one-word names, which go.
   */
  private static Dataset<EntityHit> joinFullNames(Dataset<EntityHit> people, Dataset<EntityHit> hits) {
    Dataset<Row> s = people.toDF().as("s");
    Dataset<Row> full = hits
        .filter(col("kind").isin(EntityHit.MENTION, EntityHit.UNRESOLVED_NAME).and(col("source").equalTo(EntityHit.MODEL))
            .and(col("entityType").equalTo("PERSON")).and(col("nameKey").contains(" ")))
        .select(col("articleId"), col("sentenceIndex").as("fullSentence"), col("tokenPosition").as("fullPosition"),
            col("entityId").as("fullId"), col("nameKey").as("fullKey"), col("display").as("fullDisplay"))
        .join(broadcast(people.select("articleId").distinct()), "articleId")
        .as("f");
    Dataset<Row> matched = s.join(full, col("s.articleId").equalTo(col("f.articleId"))
        .and(col("f.fullKey").endsWith(concat(lit(" "), col("s.nameKey")))), "left");
    org.apache.spark.sql.expressions.WindowSpec first = org.apache.spark.sql.expressions.Window
        .partitionBy(col("s.articleId"), col("s.sentenceIndex"), col("s.tokenPosition"))
        .orderBy(col("f.fullSentence").asc_nulls_last(), col("f.fullPosition").asc_nulls_last());
    return matched.withColumn("rank", row_number().over(first))
        .filter(col("rank").equalTo(1)
            .and(col("f.fullId").isNotNull().or(col("s.kind").equalTo(EntityHit.UNRESOLVED_NAME))))
        .select(col("s.*"), col("f.fullId"), col("f.fullKey"), col("f.fullDisplay"))
        .withColumn("kind", lit(EntityHit.MENTION))
        .withColumn("entityId", coalesce(col("fullId"), col("entityId")))
        .withColumn("nameKey", coalesce(col("fullKey"), col("nameKey")))
        .withColumn("display", coalesce(col("fullDisplay"), col("display")))
        .drop("fullId", "fullKey", "fullDisplay")
        .as(ENCODER);
  }

  private record Pending(EntityHit hit, boolean conditional) {}

  /** Extracts one partition's sentences, article by article. */
  private static final class PartitionExtractor extends PerArticleIterator<EntityHit> {
    /** A name's title cue is one of the words this close before it («وزير الخارجية المصري سامح شكري»). */
    private static final int CUE_REACH = 3;

    private final ArabicTextAnalyzer analyzer;
    private final Gazetteer gazetteer;
    private final NameTagger tagger;
    private final float minConfidence;
    private final Set<String> cues;
    /** The article's hits so far; a bare-surname mention waits for the whole article to be seen. */
    private final List<Pending> pending = new ArrayList<>();
    private final Set<String> namedInFull = new HashSet<>();

    PartitionExtractor(Iterator<Row> rows, EntityResources resources) {
      super(rows, 3);
      this.analyzer = new ArabicTextAnalyzer(resources.analyzer());
      this.gazetteer = resources.gazetteer();
      this.tagger = resources.tagger();
      this.minConfidence = resources.minNameConfidence();
      this.cues = resources.cueKeys();
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
      List<TaggedNames.Name> names = tagger == null ? List.of() : TaggedNames.find(tagger, text, tokens);
      SentenceNames.Combined combined = SentenceNames.combine(gazetteer.match(text, tokens), names, minConfidence,
          tagger == null ? w -> false : tagger::isNameWord);
      for (SentenceNames.Linked l : combined.gazetteer()) {
        Mention m = l.mention();
        if (!m.nisba() && !m.conditional()) {
          namedInFull.add(m.entityId());
        }
        TaggedNames.Name confirming = l.confirming();
        EntityHit hit = new EntityHit(EntityHit.MENTION, id, sentenceIndex, m.start(), m.entityId(), m.surface(),
            m.nisba(), null, confirming == null ? EntityHit.GAZETTEER : EntityHit.BOTH,
            confirming == null ? null : (double) confirming.confidence(), null, null, null);
        pending.add(new Pending(hit, m.conditional()));
      }
      for (TaggedNames.Name n : combined.model()) {
        EntityHit hit = new EntityHit(EntityHit.MENTION, id, sentenceIndex, n.start(), TaggedNames.entityId(n.key()),
            n.surface(), false, cueBefore(tokens, n.start()), EntityHit.MODEL, (double) n.confidence(), n.type(),
            n.display(), n.key());
        // A one-word person («العريان») counts only as a short form of a full name in the article.
        pending.add(new Pending(hit, "PERSON".equals(n.type()) && n.words() == 1));
      }
    }

    private String cueBefore(List<AnalyzedToken> tokens, int start) {
      for (int p = start - 1; p >= Math.max(0, start - CUE_REACH); p--) {
        if (cues.contains(tokens.get(p).key())) {
          return tokens.get(p).display();
        }
      }
      return null;
    }

    @Override
    protected void endArticle(String article, List<EntityHit> ready) {
      boolean cut = atPartitionEdge();
      Map<String, String[]> fullNames = fullNamesBySuffix();
      for (Pending p : pending) {
        EntityHit hit = p.hit();
        if (EntityHit.MODEL.equals(hit.getSource())) {
          boolean person = "PERSON".equals(hit.getEntityType());
          if (cut && person) {
            // A full name may be in another piece of the article: resolveCut settles it.
            hit.setKind(p.conditional() ? EntityHit.UNRESOLVED_SURNAME : EntityHit.UNRESOLVED_NAME);
            ready.add(hit);
            continue;
          }
          String[] full = person ? fullNames.get(hit.getNameKey()) : null;
          if (full != null) {
            // «العريان» after «عصام العريان»: the same person.
            hit.setEntityId(TaggedNames.entityId(full[0]));
            hit.setNameKey(full[0]);
            hit.setDisplay(full[1]);
          } else if (p.conditional()) {
            continue;
          }
          ready.add(hit);
        } else if (!p.conditional() || namedInFull.contains(hit.getEntityId())) {
          // A bare surname without the full name in this article is too ambiguous to count.
          ready.add(hit);
        } else if (cut) {
          // The full name may be in another piece of the article.
          hit.setKind(EntityHit.UNRESOLVED_SURNAME);
          ready.add(hit);
        }
      }
      pending.clear();
      namedInFull.clear();
    }

    /**
     * The key and printed form of the article's tagged people of two words or more, by each shorter
     * tail of their words («العريان» and, for three words, the last two): the first printed wins a tail
     * two names share.
     */
    private Map<String, String[]> fullNamesBySuffix() {
      Map<String, String[]> out = new HashMap<>();
      for (Pending p : pending) {
        EntityHit h = p.hit();
        if (EntityHit.MODEL.equals(h.getSource()) && "PERSON".equals(h.getEntityType())) {
          String key = h.getNameKey();
          for (int space = key.indexOf(' '); space >= 0; space = key.indexOf(' ', space + 1)) {
            out.putIfAbsent(key.substring(space + 1), new String[] {key, h.getDisplay()});
          }
        }
      }
      return out;
    }
  }
}
