package io.arabicnews.corpus;

import io.arabicnews.dates.ArabicDateParser;
import io.arabicnews.dates.ParsedDate;
import io.arabicnews.duplicates.Shingles;
import io.arabicnews.text.AnalyzerResources;
import io.arabicnews.text.ArabicTextAnalyzer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/**
 * Turns raw records into articles: cleans the text ({@link ArticleCleaner}), settles the publication
 * date (metadata first, then the dateline; never a date from the body), splits sentences, counts
 * tokens with the Arabic analyser and hashes the content. Records that cannot become an article
 * come out as rejects with a reason, so nothing is dropped.
 */
public final class ArticleAssembler {
  public static final Encoder<ProcessedArticle> ENCODER = Encoders.bean(ProcessedArticle.class);
  /**
   * Longer texts are rejected as {@code too_large}: 5 million characters is about 2,000 printed pages
   * (the longest of egypt-news-2013's 150,014 articles has 153,251), so such a record is a
   * dump or a concatenation, and one row of that size would skew every per-article figure.
   */
  public static final int MAX_ARTICLE_CHARS = 5_000_000;

  private ArticleAssembler() {}

  public static Dataset<ProcessedArticle> assemble(
      Dataset<RawArticle> raw,
      Broadcast<AnalyzerResources> resources,
      BoilerplatePatterns boilerplate) {
    return raw.mapPartitions(
        (MapPartitionsFunction<RawArticle, ProcessedArticle>)
            rows -> {
              // One analyser and cleaner per partition: Lucene reuses its token stream.
              ArabicTextAnalyzer analyzer = new ArabicTextAnalyzer(resources.value());
              ArticleCleaner cleaner = new ArticleCleaner(boilerplate);
              // Partition index in the high bits, position in the low 33 (as monotonically_increasing_id).
              long partitionBase = (long) TaskContext.getPartitionId() << 33;
              return new Iterator<>() {
                private long position;

                @Override
                public boolean hasNext() {
                  return rows.hasNext();
                }

                @Override
                public ProcessedArticle next() {
                  ProcessedArticle a = process(rows.next(), cleaner, analyzer);
                  a.setRecordIndex(partitionBase + position++);
                  return a;
                }
              };
            },
        ENCODER);
  }

  static ProcessedArticle process(RawArticle r, ArticleCleaner cleaner, ArabicTextAnalyzer analyzer) {
    if (r.getRejectReason() != null) {
      return reject(r, r.getRejectReason(), r.getRejectDetail());
    }
    if (r.getText() == null || r.getText().isBlank()) {
      return reject(r, "no_body", "the text is empty");
    }
    if (r.getText().length() > MAX_ARTICLE_CHARS) {
      return reject(r, "too_large", String.format("%,d characters of text, above the limit of %,d for one article",
          r.getText().length(), MAX_ARTICLE_CHARS));
    }
    CleanedArticle cleaned = cleaner.clean(r.getText(), r.getTitle(), r.isTitleInText());
    // A headline-only item («عاجل.. …») is still an article; only nothing at all is a reject.
    if (cleaned.paragraphs().isEmpty() && cleaned.title() == null) {
      return reject(
          r,
          "no_body",
          "nothing left after removing " + cleaned.removedLines() + " title/boilerplate lines");
    }
    String body = cleaned.body();

    ProcessedArticle a = new ProcessedArticle();
    a.setSource(emptyToNull(r.getSource()));
    a.setUrl(emptyToNull(r.getUrl()));
    a.setTitle(cleaned.title());
    a.setBody(body);
    a.setEncoding(r.getEncoding());
    a.setInputPath(r.getInputPath());
    a.setRemovedLineCount(cleaned.removedLines());
    settleDate(a, r.getMetadataDate(), cleaned.dateline());

    List<String> sentences = new ArrayList<>();
    List<Integer> paragraphs = new ArrayList<>();
    for (int p = 0; p < cleaned.paragraphs().size(); p++) {
      for (String s : SentenceSplitter.split(cleaned.paragraphs().get(p))) {
        sentences.add(s);
        paragraphs.add(p);
      }
    }
    a.setSentences(sentences);
    a.setSentenceParagraphs(paragraphs);
    a.setSentenceCount(sentences.size());
    a.setCharCount(body.length());
    // One pass over the body's normalised tokens gives both the token count and the shingles.
    Shingles shingles = new Shingles();
    int[] bodyTokens = {0};
    analyzer.forEachNormalizedToken(body, t -> {
      bodyTokens[0]++;
      shingles.add(t);
    });
    a.setTokenCount(analyzer.countTokens(cleaned.title()) + bodyTokens[0]);
    a.setShingles(shingles.distinctSorted());
    a.setContentHash(sha256(body));
    String id = emptyToNull(r.getArticleId());
    // A record without an id gets one from its content, so re-runs give it the same id.
    a.setArticleId(id != null ? id.strip() : "h-" + a.getContentHash().substring(0, 16));
    return a;
  }

  private static void settleDate(ProcessedArticle a, String metadataDate, ParsedDate dateline) {
    List<String> notes = new ArrayList<>();
    Optional<ParsedDate> meta = ArabicDateParser.parseMetadata(metadataDate);
    if (meta.isPresent() && meta.get().isValid()) {
      a.setPublishedDate(meta.get().date());
      a.setDateSource("metadata");
      return;
    }
    meta.ifPresent(m -> notes.add("metadata date rejected: " + m.problem()));
    if (dateline != null && dateline.isValid()) {
      a.setPublishedDate(dateline.date());
      a.setDateSource("text");
      if (dateline.problem() != null) {
        notes.add("dateline: " + dateline.problem());
      }
    } else if (dateline != null) {
      notes.add("dateline rejected: " + dateline.problem());
    }
    a.setDateNote(notes.isEmpty() ? null : String.join("; ", notes));
  }

  private static ProcessedArticle reject(RawArticle r, String reason, String detail) {
    ProcessedArticle a = new ProcessedArticle();
    a.setArticleId(emptyToNull(r.getArticleId()));
    a.setInputPath(r.getInputPath());
    a.setSource(emptyToNull(r.getSource()));
    a.setRejectReason(reason);
    a.setRejectDetail(detail);
    return a;
  }

  static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
