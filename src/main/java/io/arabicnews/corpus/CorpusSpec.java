package io.arabicnews.corpus;

import java.io.Serializable;
import lombok.Builder;
import lombok.Value;

/**
 * What to read: the input path, its format (null to detect it), the manifest of a text folder, and
 * which columns of a JSON Lines / CSV / Parquet corpus hold the id, title, text, date, source and url.
 */
@Value
@Builder(toBuilder = true)
public class CorpusSpec implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String DEFAULT_MANIFEST = "manifest.csv";

  String inputPath;
  InputFormat format;
  /** A manifest CSV for a text folder; null means «manifest.csv» in the folder, if present. */
  String manifestPath;
  @Builder.Default String idColumn = "id";
  @Builder.Default String titleColumn = "title";
  @Builder.Default String textColumn = "text";
  @Builder.Default String dateColumn = "date";
  @Builder.Default String sourceColumn = "source";
  @Builder.Default String urlColumn = "url";
}
