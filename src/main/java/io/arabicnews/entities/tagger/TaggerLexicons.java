package io.arabicnews.entities.tagger;

import io.arabicnews.entities.GazetteerFile;
import io.arabicnews.text.DataFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The word lists a {@link NameFeatures} reads, built from the files they come from. */
public final class TaggerLexicons {
  static final String TITLE_CUES = "/io/arabicnews/entities/title-cues.txt";

  private TaggerLexicons() {}

  /**
   * Arabic name words of the transliteration lists in {@code ../shared/corpora/name-transliterations}:
   * {@code google-ar2en.tsv} (Arabic in the first column) and {@code wikidata-en-ar-name-tokens.tsv}
   * (Arabic letters separated by spaces in the second), normalised.
   */
  public static Set<String> nameWords(List<Path> files) {
    Set<String> out = new HashSet<>();
    for (Path file : files) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          String[] f = line.split("\t");
          if (f.length < 2) {
            continue;
          }
          String arabic = isArabic(f[0]) ? f[0] : f[1].replace(" ", "");
          if (isArabic(arabic) && arabic.length() >= 2) {
            out.add(NameFeatures.normalise(arabic.strip()));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read name list " + file + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** Each normalised, proclitic-free word of a gazetteer alias, with its entity's type. */
  public static Map<String, String> gazetteerTypes(GazetteerFile gazetteer) {
    Map<String, String> out = new HashMap<>();
    for (GazetteerFile.Entry e : gazetteer.entries()) {
      String type = switch (e.type()) {
        case "PERSON" -> "PERS";
        case "ORGANIZATION" -> "ORG";
        default -> "LOC";
      };
      for (String alias : e.aliases()) {
        for (String word : alias.replace("~", "").split("\\s+")) {
          if (word.length() >= 2) {
            out.putIfAbsent(NameFeatures.withoutProclitics(NameFeatures.normalise(word)), type);
          }
        }
      }
    }
    return out;
  }

  /** The shipped title cues («الرئيس», «وزير», «اللواء» …), normalised. */
  public static Set<String> titleCues() {
    Set<String> out = new HashSet<>();
    for (String line : DataFile.lines(DataFile.resource(TITLE_CUES))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        out.add(NameFeatures.normalise(line.strip()));
      }
    }
    return out;
  }

  private static boolean isArabic(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x0600 && c <= 0x06FF) {
        return true;
      }
    }
    return false;
  }
}
