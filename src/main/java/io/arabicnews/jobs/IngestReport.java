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
    /** False when the caller clusters near-duplicates itself (an append, against the archive). */
    boolean duplicatesClustered,
    double seconds) {

  /** The reconciliation line the job prints: every input is loaded or rejected. */
  public String reconciliation() {
    String duplicates = duplicatesClustered
        ? String.format("%d near-duplicate cluster(s) hold %d article(s) beyond their canonical one",
            duplicateClusters, duplicateArticles)
        : "near-duplicates found against the archive";
    return String.format("read %d, loaded %d, rejected %d%s; %d loaded article(s) have no date; %s; %.1f s",
        read, loaded, rejected, rejectsByReason.isEmpty() ? "" : " " + rejectsByReason, undated, duplicates, seconds);
  }
}
