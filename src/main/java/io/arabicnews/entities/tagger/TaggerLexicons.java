package io.arabicnews.entities.tagger;

import io.arabicnews.entities.EntityResources;
import io.arabicnews.entities.GazetteerFile;
import io.arabicnews.text.DataFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The word lists a {@link NameFeatures} reads, built from the files they come from. */
public final class TaggerLexicons {
  private TaggerLexicons() {}

  /**
   * One line of an Arabic–English name word list: the Arabic word as written, its English spelling
   * and how often the pair was seen (1 where the list gives no count).
   */
  public record NameListEntry(String arabic, String english, long count) {}

  /**
   * The entries of the transliteration lists in {@code ../shared/corpora/name-transliterations}:
   * {@code google-ar2en.tsv} ({@code arabic TAB english}) and {@code wikidata-en-ar-name-tokens.tsv}
   * ({@code english TAB Arabic letters separated by spaces TAB count}); lines with fewer than two
   * fields are skipped.
   */
  public static List<NameListEntry> readNameLists(List<Path> files) {
    List<NameListEntry> out = new ArrayList<>();
    for (Path file : files) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String[] f = line.split("\t");
          if (f.length < 2) {
            continue;
          }
          boolean arabicFirst = isArabic(f[0]);
          String arabic = (arabicFirst ? f[0] : f[1].replace(" ", "")).strip();
          long count = !arabicFirst && f.length > 2 ? Long.parseLong(f[2].strip()) : 1;
          out.add(new NameListEntry(arabic, (arabicFirst ? f[1] : f[0]).strip(), count));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read name list " + file + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** The Arabic words of the name lists ({@link #readNameLists}) of two letters or more, normalised. */
  public static Set<String> nameWords(List<Path> files) {
    Set<String> out = new HashSet<>();
    for (NameListEntry e : readNameLists(files)) {
      if (isArabic(e.arabic()) && e.arabic().length() >= 2) {
        out.add(NameFeatures.normalise(e.arabic()));
      }
    }
    return out;
  }

  /** Each normalised, proclitic-free word of a gazetteer alias, with its entity's type. */
  public static Map<String, String> gazetteerTypes(GazetteerFile gazetteer) {
    Map<String, String> out = new HashMap<>();
    for (GazetteerFile.Entry e : gazetteer.entries()) {
      String type = Labels.classOfEntityType(e.type());
      for (String alias : e.aliases()) {
        for (String word : alias.replace("~", "").split("\\s+")) {
          if (word.length() >= 2) {
            out.putIfAbsent(NameFeatures.lexiconForm(word), type);
          }
        }
      }
    }
    return out;
  }

  /** The shipped title cues («الرئيس», «وزير», «اللواء» …), normalised. */
  public static Set<String> titleCues() {
    Set<String> out = new HashSet<>();
    for (String line : DataFile.lines(DataFile.resource(EntityResources.TITLE_CUES))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        out.add(NameFeatures.normalise(line.strip()));
      }
    }
    return out;
  }

  /** The shipped word clusters ({@link WordClusters}, learned from egypt-news-2013). */
  public static final String CLUSTERS = "/io/arabicnews/entities/tagger/word-clusters.tsv.gz";

  /** Word clusters from a gzip TSV of {@code word TAB cluster} lines. */
  public static Map<String, Integer> clusters(java.io.InputStream gzip, String name) {
    Map<String, Integer> out = new HashMap<>();
    try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(
        new java.util.zip.GZIPInputStream(gzip), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          out.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1)));
        }
      }
    } catch (IOException | NumberFormatException e) {
      throw new IllegalArgumentException("Cannot read word clusters " + name + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** The shipped word clusters. */
  public static Map<String, Integer> clusters() {
    return clusters(DataFile.resource(CLUSTERS), "word-clusters.tsv.gz (shipped)");
  }

  /** Whether the string has an Arabic letter. */
  public static boolean isArabic(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x0600 && c <= 0x06FF) {
        return true;
      }
    }
    return false;
  }
}
