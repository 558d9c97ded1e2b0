package io.arabicnews.jobs;

import picocli.CommandLine.Option;

/** Options every job takes: where outputs go, the Spark master, and the analyser's data files. */
public class CommonOptions {
  @Option(names = "--output", defaultValue = "output", description = "Output root: each table is written to <output>/<table>/ (default: ${DEFAULT-VALUE})")
  String output;

  @Option(names = "--config", description = "Properties file of options (keys without dashes: period=week, lda-topics=30); command-line flags win")
  String config;

  @Option(names = "--master", description = "Spark master, e.g. local[2] or spark://host:7077 (default: from spark-submit, else local[*])")
  String master;

  @Option(names = "--stopwords", description = "Extra stop words, one per line, added to the shipped lists")
  String stopWords;

  @Option(names = "--lexicon", description = "Extra clitic lexicon (word TAB count) added to the shipped one")
  String lexicon;

  @Option(names = "--gazetteer", description = "Gazetteer TSV to use instead of the shipped one (see src/main/resources/io/arabicnews/entities/gazetteer.tsv)")
  String gazetteer;

  io.arabicnews.entities.GazetteerFile gazetteerFile() {
    return gazetteer == null
        ? io.arabicnews.entities.GazetteerFile.defaults()
        : io.arabicnews.entities.GazetteerFile.load(java.nio.file.Path.of(gazetteer));
  }

  /** The analyser data for every stage: shipped lists, user files, and every gazetteer word. */
  io.arabicnews.text.AnalyzerResources analyzerResources() {
    return io.arabicnews.entities.EntityResources.withGazetteerWords(baseAnalyzerResources(), gazetteerFile());
  }

  private io.arabicnews.text.AnalyzerResources baseAnalyzerResources() {
    for (String[] f : new String[][] {{"--stopwords", stopWords}, {"--lexicon", lexicon}}) {
      if (f[1] != null && !java.nio.file.Files.isReadable(java.nio.file.Path.of(f[1]))) {
        throw new IllegalArgumentException(f[0] + ": cannot read file " + f[1]);
      }
    }
    return io.arabicnews.text.AnalyzerResources.load(
        stopWords == null ? null : java.nio.file.Path.of(stopWords),
        lexicon == null ? null : java.nio.file.Path.of(lexicon));
  }
}
