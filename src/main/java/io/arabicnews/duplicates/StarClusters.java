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
  /** An article and what orders it: its date (days, undated last), -n_chars (unknown first), its id's UTF-8 bytes. */
  private record Node(String id, long day, long negativeChars, byte[] idBytes) {}

  private record Pair(int a, int b, double similarity) {}

  private final Map<String, Integer> index = new HashMap<>();
  private final List<Node> nodes = new ArrayList<>();
  private final List<Pair> pairs = new ArrayList<>();

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
    pairs.add(new Pair(node(a, dayA, charsA), node(b, dayB, charsB), similarity));
  }

  private int node(String id, Integer day, Integer chars) {
    return index.computeIfAbsent(id, k -> {
      nodes.add(new Node(id,
          day == null ? Long.MAX_VALUE : day, // undated: after every date, as 9999-12-31 in Spark
          chars == null ? Long.MIN_VALUE : -(long) chars, // null first, as Spark orders a null field
          id.getBytes(StandardCharsets.UTF_8)));
      return nodes.size() - 1;
    });
  }

  /** Pairs added so far. */
  public int pairs() {
    return pairs.size();
  }

  private int compare(int x, int y) {
    Node p = nodes.get(x);
    Node q = nodes.get(y);
    int c = Long.compare(p.day(), q.day());
    if (c != 0) {
      return c;
    }
    c = Long.compare(p.negativeChars(), q.negativeChars());
    return c != 0 ? c : Arrays.compareUnsigned(p.idBytes(), q.idBytes());
  }

  /**
   * The stars, round by round as {@link NearDuplicates#stars} makes them, at most {@code maxRounds}
   * rounds (articles still paired after that are left out: they stay alone in their cluster).
   */
  public Stars assign(int maxRounds) {
    int n = nodes.size();
    // Directed edges, both ways, as parallel arrays.
    int m = pairs.size() * 2;
    int[] src = new int[m];
    int[] dst = new int[m];
    double[] sim = new double[m];
    for (int e = 0; e < pairs.size(); e++) {
      Pair p = pairs.get(e);
      src[2 * e] = p.a();
      dst[2 * e] = p.b();
      src[2 * e + 1] = p.b();
      dst[2 * e + 1] = p.a();
      sim[2 * e] = p.similarity();
      sim[2 * e + 1] = p.similarity();
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
          out.add(new Assignment(nodes.get(v).id(), nodes.get(v).id(), null));
          settled[v] = true;
        } else if (best[v] >= 0) {
          out.add(new Assignment(nodes.get(v).id(), nodes.get(best[v]).id(), bestSim[v]));
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
