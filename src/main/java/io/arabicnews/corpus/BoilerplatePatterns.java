package io.arabicnews.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    return parse(BoilerplatePatterns.class.getResourceAsStream(RESOURCE), RESOURCE);
  }

  public static BoilerplatePatterns load(Path file) {
    try {
      return parse(Files.newInputStream(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read boilerplate patterns " + file + ": " + e.getMessage(), e);
    }
  }

  static BoilerplatePatterns parse(InputStream in, String name) {
    BoilerplatePatterns out = new BoilerplatePatterns();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      int lineNo = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
