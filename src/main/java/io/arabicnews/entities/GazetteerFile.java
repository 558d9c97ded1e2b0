package io.arabicnews.entities;

import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import io.arabicnews.text.DataFile;
import java.util.List;
import java.util.Set;

/**
 * The gazetteer as written in its TSV file ({@code entities/gazetteer.tsv}, or a user's file):
 * entities with their aliases and nisba bases, validated with file and line in every message.
 */
public final class GazetteerFile implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String RESOURCE = "/io/arabicnews/entities/gazetteer.tsv";
  static final Set<String> TYPES = Set.of("PERSON", "COUNTRY", "CITY", "PLACE", "ORGANIZATION");

  /** One line of the file. */
  public record Entry(
      String entityId, String type, String labelEn, String labelAr, String wikidataId,
      List<String> aliases, List<String> nisbaBases, String where) implements Serializable {}

  private final List<Entry> entries;

  private GazetteerFile(List<Entry> entries) {
    this.entries = entries;
  }

  public List<Entry> entries() {
    return entries;
  }

  public static GazetteerFile defaults() {
    return parse(DataFile.resource(RESOURCE), "gazetteer.tsv (shipped)");
  }

  public static GazetteerFile load(Path file) {
    return parse(DataFile.open(file, "gazetteer"), file.toString());
  }

  static GazetteerFile parse(InputStream in, String name) {
    List<Entry> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    List<String> lines = DataFile.lines(in);
    for (int lineNo = 1; lineNo <= lines.size(); lineNo++) {
      String line = lines.get(lineNo - 1);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String where = name + " line " + lineNo;
      String[] f = line.split("\t", -1);
      if (f.length < 6) {
        throw new IllegalArgumentException(where + ": expected 7 tab-separated fields "
            + "(entity_id, type, label_en, label_ar, wikidata_id, aliases, nisba), found " + f.length);
      }
      String id = f[0].strip();
      String type = f[1].strip();
      if (id.isEmpty() || !ids.add(id)) {
        throw new IllegalArgumentException(where + ": entity_id «" + id + "» is empty or used twice");
      }
      if (!TYPES.contains(type)) {
        throw new IllegalArgumentException(where + ": type must be one of " + TYPES + ", got «" + type + "»");
      }
      if (f[2].isBlank() || f[3].isBlank()) {
        throw new IllegalArgumentException(where + ": label_en and label_ar are required");
      }
      List<String> aliases = split(f[5]);
      if (aliases.isEmpty()) {
        throw new IllegalArgumentException(where + ": entity «" + id + "» has no alias");
      }
      List<String> nisba = f.length > 6 ? split(f[6]) : List.of();
      String wikidata = f[4].strip();
      if (!wikidata.isEmpty() && !wikidata.matches("Q\\d+")) {
        throw new IllegalArgumentException(where + ": wikidata_id must look like Q123, got «" + wikidata + "»");
      }
      out.add(new Entry(id, type, f[2].strip(), f[3].strip(), wikidata.isEmpty() ? null : wikidata,
          aliases, nisba, where));
    }
    return new GazetteerFile(out);
  }

  private static List<String> split(String field) {
    List<String> out = new ArrayList<>();
    for (String s : field.split("\\|")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  /** Every word of every alias and nisba form: the clitic lexicon must know them («وباتروشيف»). */
  public Set<String> words() {
    Set<String> words = new LinkedHashSet<>();
    for (Entry e : entries) {
      for (String a : e.aliases()) {
        for (String w : a.replace("~", "").split("\\s+")) {
          words.add(w);
        }
      }
      for (String b : e.nisbaBases()) {
        words.addAll(nisbaForms(b));
      }
    }
    return words;
  }

  /**
   * The forms of a nisba base: «روسي» → روسي، روسية، روسيين، روسيون، روسيان، روسيتين and each with «ال».
   * A base not ending in ي (an irregular plural such as «روس») is used as it is, with and without «ال».
   */
  static List<String> nisbaForms(String base) {
    List<String> stems = new ArrayList<>();
    stems.add(base);
    if (base.endsWith("ي")) {
      for (String suffix : new String[] {"ة", "ين", "ون", "ان", "تين", "تان"}) {
        stems.add(base + suffix);
      }
    }
    List<String> out = new ArrayList<>(stems);
    for (String s : stems) {
      out.add("ال" + s);
    }
    return out;
  }
}
