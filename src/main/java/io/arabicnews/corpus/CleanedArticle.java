package io.arabicnews.corpus;

import io.arabicnews.dates.ParsedDate;
import java.util.List;

/**
 * An article after {@link ArticleCleaner}: title (null when the text has none), body paragraphs,
 * the dateline date found near the top (null if none), and how many lines were removed as
 * boilerplate, repeats or residue.
 */
public record CleanedArticle(
    String title, List<String> paragraphs, ParsedDate dateline, int removedLines) {

  public String body() {
    return String.join("\n", paragraphs);
  }
}
