package io.arabicnews.duplicates;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link NearDuplicates#stars}' rounds computed in one JVM, for pair sets that fit in the driver:
 * the same centres, members and ties, without a Spark job (and a checkpoint) per round. An append
 * re-clusters a few hundred articles, and a run of 150,000 articles has about 37,000 pairs; the
 * Spark rounds cost about a second each there, whatever the size.
 *
 * <p>Articles are ordered as {@link NearDuplicates#stars} orders them: the earliest dated first
 * (undated last), then the longest, then the smallest id (compared as UTF-8 bytes, as Spark compares
 * strings).
 */
public final class StarClusters {
  private final Map<String, Integer> index = new HashMap<>();
  private final List<String> ids = new ArrayList<>();
  private final List<Long> days = new ArrayList<>();
  private final List<Long> lengths = new ArrayList<>();
  private final List<byte[]> idBytes = new ArrayList<>();
  private final List<int[]> edges = new ArrayList<>();
  private final List<Double> similarities = new ArrayList<>();

  /** One article's place in a star: its centre, and its similarity to it (null for a centre). */
  public record Assignment(String articleId, String centre, Double similarity) {}

  /**
   * The assignments, the rounds they took, and how many articles were still paired when the round
   * limit stopped them (0 when every pair was settled).
   */
  public record Stars(List<Assignment> assignments, int rounds, int stillPaired) {}

  /**
   * Adds a near-duplicate pair with both articles' dates (days since 1970-01-01, null when undated)
   * and lengths (null when unknown, which orders first, as Spark orders a null field).
   */
  public void addPair(String a, Integer dayA, Integer charsA, String b, Integer dayB, Integer charsB,
      double similarity) {
    int x = node(a, dayA, charsA);
    int y = node(b, dayB, charsB);
    edges.add(new int[] {x, y});
    similarities.add(similarity);
  }

  private int node(String id, Integer day, Integer chars) {
    Integer known = index.get(id);
    if (known != null) {
      return known;
    }
    int i = ids.size();
    index.put(id, i);
    ids.add(id);
    days.add(day == null ? Long.MAX_VALUE : day); // undated: after every date, as 9999-12-31 in Spark
    // -n_chars, null first: Long.MIN_VALUE orders before every length
    lengths.add(chars == null ? Long.MIN_VALUE : -(long) chars);
    idBytes.add(id.getBytes(StandardCharsets.UTF_8));
    return i;
  }

  /** Pairs added so far. */
  public int pairs() {
    return edges.size();
  }

  private int compare(int x, int y) {
    int c = Long.compare(days.get(x), days.get(y));
    if (c != 0) {
      return c;
    }
    c = Long.compare(lengths.get(x), lengths.get(y));
    return c != 0 ? c : Arrays.compareUnsigned(idBytes.get(x), idBytes.get(y));
  }

  /**
   * The stars, round by round as {@link NearDuplicates#stars} makes them, at most {@code maxRounds}
   * rounds (articles still paired after that are left out: they stay alone in their cluster).
   */
  public Stars assign(int maxRounds) {
    int n = ids.size();
    // Directed edges, both ways, as parallel arrays.
    int m = edges.size() * 2;
    int[] src = new int[m];
    int[] dst = new int[m];
    double[] sim = new double[m];
    for (int e = 0; e < edges.size(); e++) {
      int[] p = edges.get(e);
      src[2 * e] = p[0];
      dst[2 * e] = p[1];
      src[2 * e + 1] = p[1];
      dst[2 * e + 1] = p[0];
      sim[2 * e] = similarities.get(e);
      sim[2 * e + 1] = similarities.get(e);
    }
    boolean[] settled = new boolean[n];
    List<Assignment> out = new ArrayList<>();
    int live = m;
    int rounds = 0;
    for (int round = 1; live > 0 && round <= maxRounds; round++) {
      rounds = round;
      boolean[] hasEdge = new boolean[n];
      boolean[] later = new boolean[n]; // has a neighbour ordered before it
      for (int e = 0; e < live; e++) {
        hasEdge[src[e]] = true;
        if (compare(dst[e], src[e]) < 0) {
          later[src[e]] = true;
        }
      }
      boolean[] centre = new boolean[n];
      for (int v = 0; v < n; v++) {
        centre[v] = hasEdge[v] && !later[v];
      }
      // Each neighbour of a centre joins the most similar one; ties to the centre ordered first.
      int[] best = new int[n];
      double[] bestSim = new double[n];
      Arrays.fill(best, -1);
      for (int e = 0; e < live; e++) {
        int s = src[e];
        int d = dst[e];
        if (!centre[d]) {
          continue;
        }
        int c = best[s] < 0 ? 1 : Double.compare(sim[e], bestSim[s]);
        if (c > 0 || (c == 0 && compare(d, best[s]) < 0)) {
          best[s] = d;
          bestSim[s] = sim[e];
        }
      }
      for (int v = 0; v < n; v++) {
        if (centre[v]) {
          out.add(new Assignment(ids.get(v), ids.get(v), null));
          settled[v] = true;
        } else if (best[v] >= 0) {
          out.add(new Assignment(ids.get(v), ids.get(best[v]), bestSim[v]));
          settled[v] = true;
        }
      }
      int kept = 0;
      for (int e = 0; e < live; e++) {
        if (!settled[src[e]] && !settled[dst[e]]) {
          src[kept] = src[e];
          dst[kept] = dst[e];
          sim[kept] = sim[e];
          kept++;
        }
      }
      live = kept;
    }
    boolean[] paired = new boolean[n];
    int stillPaired = 0;
    for (int e = 0; e < live; e++) {
      if (!paired[src[e]]) {
        paired[src[e]] = true;
        stillPaired++;
      }
    }
    return new Stars(out, rounds, stillPaired);
  }
}
