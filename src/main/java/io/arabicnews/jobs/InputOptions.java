package io.arabicnews.jobs;

import io.arabicnews.corpus.CorpusSpec;
import io.arabicnews.corpus.InputFormat;
import io.arabicnews.duplicates.DuplicatesConfig;
import picocli.CommandLine.Option;

/** Options that say what corpus to read and how its columns are named. */
public class InputOptions {
  @Option(names = "--input", defaultValue = "data", description = "Corpus: a folder of .txt files (with optional manifest.csv), or JSON Lines (.jsonl, .jsonl.gz), CSV or Parquet files or folders (default: ${DEFAULT-VALUE})")
  String input;

  @Option(names = "--format", description = "text, jsonl, csv or parquet (default: detected from the path)")
  String format;

  @Option(names = "--manifest", description = "Manifest CSV for a text folder (file,article_id,source,url,title,published_date); default: <input>/manifest.csv when present")
  String manifest;

  @Option(names = "--dup-similarity", defaultValue = "0.5", description = "Near-duplicates: Jaccard similarity of word 4-shingles at or above which two articles are one story; above 1 turns detection off (default: ${DEFAULT-VALUE})")
  double dupSimilarity;

  @Option(names = "--dup-hash-tables", defaultValue = "8", description = "Near-duplicates: MinHash functions; more finds more of the pairs near the threshold, slower (default: ${DEFAULT-VALUE})")
  int dupHashTables;

  @Option(names = "--dup-max-days", defaultValue = "2", description = "Near-duplicates: articles printed more than this many days apart are never one story (default: ${DEFAULT-VALUE})")
  int dupMaxDays;

  DuplicatesConfig duplicates() {
    return DuplicatesConfig.builder().minSimilarity(dupSimilarity).hashTables(dupHashTables).maxDays(dupMaxDays)
        .build().validate();
  }

  @Option(names = "--boilerplate", description = "Boilerplate line patterns (kind TAB regex) to use instead of the shipped ones")
  String boilerplate;

  @Option(names = "--id-column", defaultValue = "id", description = "Column holding the article id (default: ${DEFAULT-VALUE})")
  String idColumn;

  @Option(names = "--title-column", defaultValue = "title", description = "Column holding the title (default: ${DEFAULT-VALUE})")
  String titleColumn;

  @Option(names = "--text-column", defaultValue = "text", description = "Column holding the article text (default: ${DEFAULT-VALUE})")
  String textColumn;

  @Option(names = "--date-column", defaultValue = "date", description = "Column holding the publication date (default: ${DEFAULT-VALUE})")
  String dateColumn;

  @Option(names = "--source-column", defaultValue = "source", description = "Column holding the source/publisher (default: ${DEFAULT-VALUE})")
  String sourceColumn;

  @Option(names = "--url-column", defaultValue = "url", description = "Column holding the URL (default: ${DEFAULT-VALUE})")
  String urlColumn;

  CorpusSpec toSpec() {
    return CorpusSpec.builder()
        .inputPath(input)
        .format(format == null ? null : InputFormat.parse(format))
        .manifestPath(manifest)
        .idColumn(idColumn)
        .titleColumn(titleColumn)
        .textColumn(textColumn)
        .dateColumn(dateColumn)
        .sourceColumn(sourceColumn)
        .urlColumn(urlColumn)
        .build();
  }
}
