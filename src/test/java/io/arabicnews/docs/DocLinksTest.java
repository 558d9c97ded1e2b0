package io.arabicnews.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in README.md and docs/ points to a file that exists and, when it names a
 * heading ({@code file.md#heading}), to a heading of that file (GitHub's anchors).
 */
class DocLinksTest {
  /** [text](target) and ![alt](target), target without spaces; code spans are removed first. */
  private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(([^)\\s]+)\\)");
  private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

  @Test
  void everyRelativeLinkReachesAFileAndHeading() throws IOException {
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path doc : docs()) {
      boolean fenced = false;
      List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.strip().startsWith("```")) {
          fenced = !fenced;
          continue;
        }
        if (fenced) {
          continue;
        }
        Matcher m = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
        while (m.find()) {
          String target = m.group(1);
          if (target.matches("[a-z]+:.*")) {
            continue; // http:, https:, mailto:
          }
          checked++;
          String problem = problem(doc, target);
          if (problem != null) {
            broken.add(doc + ":" + (i + 1) + ": " + target + " (" + problem + ")");
          }
        }
      }
    }
    assertThat(checked).as("relative links found").isGreaterThan(10);
    assertThat(broken).as("broken links").isEmpty();
  }

  @Test
  void anchorsFollowGitHubsRules() {
    assertThat(anchor("Why the throughput is what it is")).isEqualTo("why-the-throughput-is-what-it-is");
    assertThat(anchor("Raw and de-duplicated counts (`*_dedup`)")).isEqualTo("raw-and-de-duplicated-counts-_dedup");
    assertThat(anchor("On egypt-news-2013 (`--period week`)")).isEqualTo("on-egypt-news-2013---period-week");
  }

  private static List<Path> docs() throws IOException {
    List<Path> out = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> s = Files.list(Path.of("docs"))) {
      s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
    }
    return out;
  }

  /** Why the link is broken, or null. */
  private static String problem(Path doc, String target) throws IOException {
    int hash = target.indexOf('#');
    String file = hash < 0 ? target : target.substring(0, hash);
    Path resolved = file.isEmpty() ? doc : doc.getParent() == null ? Path.of(file) : doc.getParent().resolve(file);
    if (!Files.exists(resolved)) {
      return "no such file";
    }
    if (hash < 0) {
      return null;
    }
    if (!resolved.toString().endsWith(".md")) {
      return "a heading in a file that is not Markdown";
    }
    return headings(resolved).contains(target.substring(hash + 1)) ? null : "no such heading";
  }

  private static Set<String> headings(Path md) throws IOException {
    Set<String> out = new HashSet<>();
    boolean fenced = false;
    for (String line : Files.readAllLines(md, StandardCharsets.UTF_8)) {
      if (line.strip().startsWith("```")) {
        fenced = !fenced;
      } else if (!fenced && line.startsWith("#")) {
        String base = anchor(line.replaceFirst("^#+\\s*", ""));
        String a = base;
        for (int n = 1; !out.add(a); n++) {
          a = base + "-" + n;
        }
      }
    }
    return out;
  }

  /** GitHub's heading anchor: lower case, punctuation dropped (not - or _), spaces to hyphens. */
  static String anchor(String heading) {
    return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "").replace(' ', '-');
  }
}
