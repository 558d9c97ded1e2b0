package io.arabicnews.jobs;

import java.util.Map;

/** What ingest did: records read, loaded and rejected (by reason), and articles without a date. */
public record IngestReport(
    long read,
    long loaded,
    long rejected,
    Map<String, Long> rejectsByReason,
    long undated,
    long duplicateClusters,
    long duplicateArticles,
    double seconds) {

  /** The reconciliation line the job prints: every input is loaded or rejected. */
  public String reconciliation() {
    return String.format(
        "read %d, loaded %d, rejected %d%s; %d loaded article(s) have no date; "
            + "%d near-duplicate cluster(s) hold %d article(s) beyond their canonical one; %.1f s",
        read, loaded, rejected, rejectsByReason.isEmpty() ? "" : " " + rejectsByReason, undated,
        duplicateClusters, duplicateArticles, seconds);
  }
}
