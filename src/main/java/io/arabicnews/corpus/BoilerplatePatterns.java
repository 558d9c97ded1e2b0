package io.arabicnews.corpus;

import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import io.arabicnews.text.DataFile;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The boilerplate line patterns of {@code boilerplate.tsv} (shipped, or a user's file): lines that
 * cut the article's tail, lines dropped alone, and section labels.
 */
public final class BoilerplatePatterns implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String RESOURCE = "/io/arabicnews/corpus/boilerplate.tsv";

  /** What a matching line means for the article. */
  public enum Kind {
    CUT,
    DROP,
    SECTION
  }

  private final List<Kind> kinds = new ArrayList<>();
  private final List<Pattern> patterns = new ArrayList<>();

  private BoilerplatePatterns() {}

  public static BoilerplatePatterns defaults() {
    return parse(DataFile.resource(RESOURCE), RESOURCE);
  }

  public static BoilerplatePatterns load(Path file) {
    return parse(DataFile.open(file, "boilerplate patterns"), file.toString());
  }

  static BoilerplatePatterns parse(InputStream in, String name) {
    BoilerplatePatterns out = new BoilerplatePatterns();
    List<String> lines = DataFile.lines(in);
    for (int lineNo = 1; lineNo <= lines.size(); lineNo++) {
      String line = lines.get(lineNo - 1);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t", 2);
      Kind kind;
      try {
        kind = Kind.valueOf(parts[0].strip().toUpperCase());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            name + " line " + lineNo + ": kind must be cut, drop or section, got «" + parts[0] + "»");
      }
      if (parts.length < 2 || parts[1].isBlank()) {
        throw new IllegalArgumentException(name + " line " + lineNo + ": missing regex after the tab");
      }
      try {
        out.patterns.add(Pattern.compile(parts[1].strip()));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            name + " line " + lineNo + ": bad regex: " + e.getDescription(), e);
      }
      out.kinds.add(kind);
    }
    return out;
  }

  /** The kind of the first pattern matching the whole line, or null for an ordinary line. */
  public Kind classify(String line) {
    for (int i = 0; i < patterns.size(); i++) {
      if (patterns.get(i).matcher(line).matches()) {
        return kinds.get(i);
      }
    }
    return null;
  }
}
