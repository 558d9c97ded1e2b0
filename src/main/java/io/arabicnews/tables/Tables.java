package io.arabicnews.tables;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/** Every output table's schema, declared once. Column names are a contract with users' dashboards. */
public final class Tables {
  private Tables() {}

  public static final TableSchema ARTICLES =
      new TableSchema("articles", "one loaded article")
          .column("article_id", StringType, "Article id: from metadata or the manifest, else the file name without .txt, else «h-» + the first 16 hex digits of content_hash", "000_31df72e609d04747")
          .column("source", StringType, "Publisher key from metadata or the manifest; null when unknown", "youm7")
          .column("url", StringType, "Article URL from metadata; null when unknown", "https://example.org/a/1")
          .column("title", StringType, "Headline: the metadata title, else the first line of a text file when it reads as a headline; null when there is none", "مباحثات روسية مصرية.. هذا أبرز ما جاء فيها")
          .column("body", StringType, "Cleaned body (empty for a headline-only item): boilerplate, URLs, invisible marks, repeated paragraphs and trailing headline lists removed; paragraphs separated by a line break", "أعلنت روسيا عن إجراء مباحثات أمنية …")
          .column("published_date", DateType, "Publication date; null when neither metadata nor a dateline gives one (never a date of an event in the body)", "2023-09-26")
          .column("date_source", StringType, "Where published_date came from: metadata, text (a dateline near the top) or null", "text")
          .column("date_note", StringType, "Why a date given in the input was not used (unparseable or impossible), or a dateline oddity; null when nothing to report", "metadata date rejected: impossible date 2013-02-31")
          .column("encoding", StringType, "Encoding the input was decoded from: UTF-8, UTF-8-BOM, UTF-16LE, UTF-16BE or windows-1256", "UTF-8")
          .column("n_chars", IntegerType, "Characters (UTF-16 code units) in body", "3790")
          .column("n_sentences", IntegerType, "Body sentences (rows of sentences with sentence_index ≥ 1)", "14")
          .column("n_tokens", IntegerType, "Word tokens in title and body, stop words and numbers included", "612")
          .column("n_removed_lines", IntegerType, "Lines removed while cleaning: section labels, dateline, boilerplate, repeats, trailing headlines", "6")
          .column("content_hash", StringType, "SHA-256 (hex) of body: equal bodies have equal hashes", "9f2c…")
          .column("input_path", StringType, "The file the article was read from", "file:/data/000_31df72e609d04747.txt")
          .column("dup_cluster_id", StringType, "Near-duplicate cluster: the article_id of the cluster's canonical article (the article's own id when it has no near-duplicate)", "000_31df72e609d04747")
          .column("is_canonical", BooleanType, "True for the one article per cluster that de-duplicated counts keep: the earliest dated, then the longest body, then the smallest id", "true")
          .column("dup_cluster_size", IntegerType, "Articles in the cluster (1 when the article has no near-duplicate)", "3")
          .column("dup_max_similarity", DoubleType, "Jaccard similarity of the body's word 4-shingles to the cluster's canonical article (for the canonical article: to its closest member); null when alone", "0.91");

  public static final TableSchema SENTENCES =
      new TableSchema("sentences", "one sentence of a loaded article; sentence 0 is the title")
          .column("article_id", StringType, "Article id (articles.article_id)", "000_31df72e609d04747")
          .column("sentence_index", IntegerType, "0 for the title; body sentences from 1 in reading order", "3")
          .column("paragraph_index", IntegerType, "Body paragraph the sentence belongs to, from 0; null for the title", "1")
          .column("is_title", BooleanType, "True for the title row", "false")
          .column("text", StringType, "The sentence as printed (after cleaning)", "وقال مجلس الأمن الروسي، في بيان، …");

  public static final TableSchema REJECTS =
      new TableSchema("rejects", "one input record that was not loaded, with the reason")
          .column("input", StringType, "The input: a file path, or a file path and the record's id", "file:/data/bad.txt")
          .column("reason", StringType, "Short code: empty, binary, undecodable, mojibake, malformed, no_body, too_large (over 5,000,000 characters), missing_file, duplicate_id", "binary")
          .column("detail", StringType, "What exactly was wrong", "NUL or control bytes: not a text file")
          .column("article_id", StringType, "The record's id when it had one", "youm7-1234")
          .column("source", StringType, "The record's source when it had one", "youm7");

  private static final String TERM_KEY = "Normalised, clitic-free form the term is counted by (words joined by a space); join key across the term tables";
  private static final String N = "Words in the term: 1 (word), 2 or 3 (phrase)";

  public static final TableSchema ARTICLE_TERMS =
      new TableSchema("article_terms", "one term in one article")
          .column("article_id", StringType, "Article id (articles.article_id)", "000_31df72e609d04747")
          .column("term_key", StringType, TERM_KEY, "مكافحه الارهاب")
          .column("n", IntegerType, N, "2")
          .column("term_count", LongType, "Occurrences of the term in the article (title included), all spellings and clitic forms merged", "3")
          .column("tf", DoubleType, "term_count / articles.n_tokens", "0.0084")
          .column("tf_idf", DoubleType, "tf × term_frequencies.idf as of the run that wrote the row: how characteristic the term is of this article. An append does not rewrite older rows while idf moves with every new article; for today's value use tf × term_frequencies.idf", "0.031")
          .column("is_canonical", BooleanType, "articles.is_canonical: filter on it for the de-duplicated view (one article per near-duplicate cluster)", "true");

  public static final TableSchema TERM_FREQUENCIES =
      new TableSchema("term_frequencies", "one term over the whole corpus (dated and undated articles)")
          .column("term_key", StringType, TERM_KEY, "مكافحه الارهاب")
          .column("display_form", StringType, "The term's most frequent printed form, without clitics or diacritics: what to show users", "مكافحة الإرهاب")
          .column("stem", StringType, "Lucene light stem(s) of the term: a grouping key, not a word", "مكافح ارهاب")
          .column("n", IntegerType, N, "2")
          .column("term_count", LongType, "Occurrences in the corpus", "9")
          .column("doc_count", LongType, "Articles the term occurs in", "5")
          .column("idf", DoubleType, "Smoothed inverse document frequency ln((1 + articles) / (1 + doc_count)) + 1", "1.0")
          .column("per_10k", DoubleType, "Occurrences per 10,000 word tokens of the corpus (stop words included in the base)", "46.2")
          .column("rank", IntegerType, "1 = most frequent among terms with the same n (ties broken by term_key)", "1")
          .column("npmi", DoubleType, "Phrases: normalised PMI of the weakest split of the phrase, in [-1, 1]; null for words", "0.71")
          .column("llr", DoubleType, "Phrases: log-likelihood ratio (G²) of the weakest split; null for words", "48.3")
          .column("term_count_dedup", LongType, "De-duplicated view: occurrences in canonical articles only (one article per near-duplicate cluster)", "7")
          .column("doc_count_dedup", LongType, "De-duplicated view: canonical articles the term occurs in", "4")
          .column("per_10k_dedup", DoubleType, "De-duplicated view: term_count_dedup per 10,000 word tokens of the canonical articles", "41.0");

  public static final TableSchema TERM_TIMELINE =
      new TableSchema("term_timeline", "one term in one period (dated articles only)")
          .column("period_start", DateType, "First day of the period (day, week from Monday, month, quarter or year; see --period)", "2013-02-01")
          .column("term_key", StringType, TERM_KEY, "بورسعيد")
          .column("n", IntegerType, N, "1")
          .column("term_count", LongType, "Occurrences in the period's articles", "5210")
          .column("doc_count", LongType, "Articles of the period the term occurs in", "1804")
          .column("per_10k", DoubleType, "Occurrences per 10,000 word tokens of the period, so busy periods do not look like trends", "12.5")
          .column("keyness", DoubleType, "Signed log-likelihood of the term's count in the period against all other periods: positive = more frequent than elsewhere (above 10.83 is p < 0.001)", "812.4")
          .column("term_count_dedup", LongType, "De-duplicated view: occurrences in the period's canonical articles", "4020")
          .column("doc_count_dedup", LongType, "De-duplicated view: canonical articles of the period the term occurs in", "1390")
          .column("per_10k_dedup", DoubleType, "De-duplicated view: per 10,000 word tokens of the period's canonical articles; null when the period has none", "11.9")
          .column("keyness_dedup", DoubleType, "De-duplicated view: keyness computed over canonical articles only; null when the period has none", "310.2");

  public static final TableSchema TERM_BY_SOURCE =
      new TableSchema("term_by_source", "one term in one source's articles")
          .column("source", StringType, "Source (articles.source); «(unknown)» for articles without one", "youm7")
          .column("term_key", StringType, TERM_KEY, "الاخوان")
          .column("n", IntegerType, N, "1")
          .column("term_count", LongType, "Occurrences in the source's articles", "3120")
          .column("doc_count", LongType, "Articles of the source the term occurs in", "1502")
          .column("per_10k", DoubleType, "Occurrences per 10,000 word tokens of the source", "9.8")
          .column("keyness", DoubleType, "Signed log-likelihood of the term's count in this source against all other sources", "-35.0")
          .column("term_count_dedup", LongType, "De-duplicated view: occurrences in the source's canonical articles", "2890")
          .column("doc_count_dedup", LongType, "De-duplicated view: canonical articles of the source the term occurs in", "1400")
          .column("per_10k_dedup", DoubleType, "De-duplicated view: per 10,000 word tokens of the source's canonical articles; null when it has none", "9.5")
          .column("keyness_dedup", DoubleType, "De-duplicated view: keyness computed over canonical articles only; null when the source has none", "-30.2");

  /** What changed in the tables' contract, newest first (rendered into the data dictionary). */
  public static final List<String> CHANGES = List.of(
      "No column changed. The shipped name tagger was retrained with a margin (docs/entities.md): dev F1 0.748 -> 0.759, "
          + "surer names, so fewer tagger names at the same default confidence 0.6 (egypt-news-2013: 1,518,293 mentions "
          + "of 44,323 entities, was 1,535,089 of 46,901). An output root made with the old model needs one "
          + "`--mode replace` run before it takes appends.",
      "No column changed. The name tagger reads each sentence in both directions and keeps what both readings find "
          + "and what one is sure of (docs/entities.md); `entity_mentions.confidence` is the mean of the two readings' "
          + "(a name only one found is at most 0.5), and `--min-name-confidence` defaults to 0.6 (was 0.7), the threshold "
          + "that holds dev precision at 0.90. More tagger names in every entity table (egypt-news-2013: 1,535,089 "
          + "mentions of 46,901 entities, was 1,512,635 of 50,393). Models written by older versions of jobs/train-ner.sh "
          + "(format 3) must be retrained; an output root made with the old model needs one `--mode replace` run before "
          + "it takes appends.",
      "No column changed. The shipped name tagger was retrained (it also reads what it made of each word across "
          + "egypt-news-2013; docs/entities.md) and `--min-name-confidence` defaults to 0.7 (was 0.6): fewer, more "
          + "often right tagger names in every entity table (egypt-news-2013: 1,512,635 mentions of 50,393 entities, "
          + "was 1,565,885 of 62,656). `--min-name-confidence 0.6` gives the old threshold. An output root made with "
          + "the old model needs one `--mode replace` run before it takes appends.",
      "`--mode append` (daily runs): `run_manifest` gains `mode`, `articles_added`, `articles_updated`, "
          + "`articles_skipped`, `articles_reclustered` and `model_run_id` (null in rows of older runs). "
          + "`article_terms.tf_idf` is documented as of the run that wrote the row (appends leave older rows as they are). "
          + "No column was renamed or removed; see docs/appends.md.",
      "Entities the name tagger finds are in every entity table: `entities` rows with `entity_id` `ar-` + 12 hex digits "
          + "and the new `label_source` (gazetteer or transliterated); `entity_mentions` gains `source` (gazetteer, "
          + "model, both) and `confidence`; `co_mentions`, `co_mention_timeline` and `entity_timeline` count them. "
          + "`entity_candidates` now lists the tagger's entities the gazetteer lacks (it listed names found after a "
          + "title cue), with the same columns plus `entity_id`, `entity_type`, `label_en`, `mean_confidence`. "
          + "`--name-model none` gives the gazetteer-only tables.",
      "`run_manifest.warnings` added (why a stage was skipped, e.g. learned topics on a tiny corpus).",
      "`topics.label_overlap` added (how much of a learned topic's weight its English name's curated topics hold).");

  private static final String ENTITY_ID =
      "Entity id (entities.entity_id): the gazetteer's, or ar- and 12 hex digits for a name only the tagger found";

  public static final TableSchema ENTITIES =
      new TableSchema("entities", "one entity: of the gazetteer (mentioned or not), or found by the name tagger")
          .column("entity_id", StringType, ENTITY_ID, "SHOIGU")
          .column("label_en", StringType, "English label: the gazetteer's, or spelt from the Arabic (see label_source)", "Sergei Shoigu")
          .column("label_ar", StringType, "Arabic label: the gazetteer's, or the name as most often printed (clitics removed)", "سيرغي شويغو")
          .column("entity_type", StringType, "PERSON, COUNTRY, CITY, PLACE or ORGANIZATION (the tagger's: PERSON, PLACE or ORGANIZATION)", "PERSON")
          .column("wikidata_id", StringType, "Wikidata item where known, else null", "Q7747")
          .column("mention_count", LongType, "Mentions in the corpus (nisba mentions included)", "9")
          .column("article_count", LongType, "Articles mentioning the entity", "3")
          .column("nisba_count", LongType, "Of mention_count, how many were nisba adjectives («الروسي»)", "0")
          .column("label_source", StringType, "Where label_en comes from: gazetteer, or transliterated (the usual English spelling of each word, else letter rules)", "gazetteer");

  public static final TableSchema ENTITY_MENTIONS =
      new TableSchema("entity_mentions", "one mention of an entity")
          .column("article_id", StringType, "Article id (articles.article_id)", "003_7e0eab1ba710d1e2")
          .column("sentence_index", IntegerType, "Sentence (sentences.sentence_index; 0 = title)", "2")
          .column("token_position", IntegerType, "Position of the mention's first word in the sentence, from 0", "6")
          .column("entity_id", StringType, ENTITY_ID, "CAI")
          .column("surface", StringType, "The mention as printed, clitics included", "بالقاهرة")
          .column("is_nisba", BooleanType, "True for a nisba adjective standing for a country or body («الروسي» → Russia)", "false")
          .column("source", StringType, "Who found it: gazetteer, model (the name tagger alone) or both (a tagged name over a gazetteer match)", "both")
          .column("confidence", DoubleType, "The tagger's confidence in the name, 0-1 (model and both); null for gazetteer", "0.93");

  public static final TableSchema ENTITY_TIMELINE =
      new TableSchema("entity_timeline", "one entity in one period (dated articles only)")
          .column("period_start", DateType, "First day of the period (see --period)", "2013-03-04")
          .column("entity_id", StringType, ENTITY_ID, "PSD")
          .column("mention_count", LongType, "Mentions in the period", "8332")
          .column("article_count", LongType, "Articles of the period mentioning the entity", "2901")
          .column("share", DoubleType, "article_count / dated articles of the period: comparable across busy and quiet periods", "0.17")
          .column("period_articles", LongType, "Dated articles in the period", "17043");

  public static final TableSchema ENTITY_CANDIDATES =
      new TableSchema("entity_candidates", "a name the tagger found that the gazetteer does not list (most mentioned first)")
          .column("candidate", StringType, "The name as most often printed (clitics removed)", "تامر الرفاعي")
          .column("cue", StringType, "The title word most often just before it, or null", "العقيد")
          .column("mention_count", LongType, "Mentions (the tagger's, at --min-name-confidence)", "4")
          .column("article_count", LongType, "Articles it was found in", "3")
          .column("example_article_id", StringType, "One article to read it in (the smallest id)", "youm7-…")
          .column("candidate_key", StringType, "Normalised form, for grouping and for the gazetteer", "تامر الرفاعي")
          .column("entity_id", StringType, "Its id in entities and the other entity tables", "ar-3f9a0c12be47")
          .column("entity_type", StringType, "PERSON, PLACE or ORGANIZATION, as the tagger read it most often", "PERSON")
          .column("label_en", StringType, "English label spelt from the Arabic (entities.label_en)", "Tamer al-Rifai")
          .column("mean_confidence", DoubleType, "Mean of the tagger's confidence over its mentions", "0.81");

  private static final String SCOPE = "sentence (named in the same sentence) or article (in the same article)";

  public static final TableSchema CO_MENTIONS =
      new TableSchema("co_mentions", "a pair of entities named together, at one scope")
          .column("entity_a", StringType, "The pair's first entity id (entity_a < entity_b)", "LAVROV")
          .column("entity_b", StringType, "The pair's second entity id", "SHOUKRY")
          .column("label_a", StringType, "English label of entity_a", "Sergey Lavrov")
          .column("label_b", StringType, "English label of entity_b", "Sameh Shoukry")
          .column("scope", StringType, SCOPE, "sentence")
          .column("co_count", LongType, "Units (sentences or articles) naming both", "2")
          .column("article_count", LongType, "Articles naming both in one unit", "1")
          .column("pmi", DoubleType, "ln(co_count × N / (units_a × units_b)), N = sentences or articles in the corpus", "4.1")
          .column("npmi", DoubleType, "PMI normalised to [-1, 1]; 1 = always named together", "0.62")
          .column("llr", DoubleType, "Log-likelihood ratio (G²) of the pair's 2×2 table: strength with frequency", "25.3")
          .column("first_date", DateType, "Earliest published_date of a unit naming both (null if none dated)", "2013-01-28")
          .column("last_date", DateType, "Latest published_date of such a unit", "2013-03-26")
          .column("units_a", LongType, "Units naming entity_a", "12")
          .column("units_b", LongType, "Units naming entity_b", "5")
          .column("co_count_dedup", LongType, "De-duplicated view: co_count over canonical articles only (one article per near-duplicate cluster)", "2")
          .column("article_count_dedup", LongType, "De-duplicated view: canonical articles naming both in one unit", "1");

  public static final TableSchema CO_MENTION_TIMELINE =
      new TableSchema("co_mention_timeline", "a pair of entities named together in one period, at one scope")
          .column("period_start", DateType, "First day of the period (see --period)", "2013-02-04")
          .column("entity_a", StringType, "The pair's first entity id (entity_a < entity_b)", "AHMADINEJAD")
          .column("entity_b", StringType, "The pair's second entity id", "MORSI")
          .column("scope", StringType, SCOPE, "sentence")
          .column("co_count", LongType, "Units of the period naming both", "120")
          .column("article_count", LongType, "Articles of the period naming both in one unit", "95")
          .column("co_count_dedup", LongType, "De-duplicated view: co_count over the period's canonical articles", "101")
          .column("article_count_dedup", LongType, "De-duplicated view: canonical articles of the period naming both in one unit", "80");

  private static final String TOPIC_ID =
      "Topic id: a curated topic of the taxonomy, «unassigned», lda_NN for a learned topic, or lda_unassigned (no term of the LDA vocabulary)";
  private static final String KIND = "curated (taxonomy) or learned (LDA)";

  public static final TableSchema TOPICS =
      new TableSchema("topics", "one topic, curated or learned")
          .column("topic_id", StringType, TOPIC_ID, "counter_terrorism")
          .column("kind", StringType, KIND, "curated")
          .column("label_en", StringType, "English label. Learned topics: named after the curated topics their articles share most weight with and the entities that characterise them («≈ Protests and clashes · Muslim Brotherhood»; «Other news» when no curated topic holds 10%)", "Counter-terrorism")
          .column("label_ar", StringType, "Arabic label (learned topics: the top three terms)", "مكافحة الإرهاب")
          .column("top_terms", DataTypes.createArrayType(StringType), "Up to ten terms, most telling first, no phrase beside one of its own words. Curated: keywords by the number of articles they matched in; learned: terms by relevance (λ = 0.6: probability in the topic and lift over the corpus)", "[مكافحة الإرهاب, داعش, …]")
          .column("label_overlap", DoubleType, "Learned topics: the share of the topic's article weight that falls on the curated topic(s) its label_en names (how sure the name is); null for curated topics and unnamed learned ones", "0.46");

  public static final TableSchema ARTICLE_TOPICS =
      new TableSchema("article_topics", "one article's weight on one topic")
          .column("article_id", StringType, "Article id (articles.article_id)", "003_7e0eab1ba710d1e2")
          .column("topic_id", StringType, TOPIC_ID, "military_cooperation")
          .column("weight", DoubleType, "Share of the article on this topic: an article's weights sum to 1 per kind", "0.41")
          .column("matched_terms", DataTypes.createArrayType(StringType), "Curated: the taxonomy keywords found in the article, strongest first; null for learned topics", "[التعاون العسكري, وزير الدفاع]")
          .column("kind", StringType, KIND, "curated");

  public static final TableSchema TOPIC_TIMELINE =
      new TableSchema("topic_timeline", "one topic in one period (dated articles only; every topic has every period)")
          .column("period_start", DateType, "First day of the period (see --period)", "2013-03-04")
          .column("topic_id", StringType, TOPIC_ID, "protests")
          .column("article_count", LongType, "Articles of the period with weight on the topic", "2210")
          .column("weight_sum", DoubleType, "Sum of the articles' weights on the topic", "1304.5")
          .column("share", DoubleType, "weight_sum / all weight of the same kind in the period: the topic's share of that period's coverage", "0.081")
          .column("share_smoothed", DoubleType, "Centred moving average of share over --smoothing-window periods", "0.074")
          .column("kind", StringType, KIND, "curated")
          .column("article_count_dedup", LongType, "De-duplicated view: canonical articles of the period with weight on the topic", "1980")
          .column("weight_sum_dedup", DoubleType, "De-duplicated view: sum of the canonical articles' weights", "1190.0")
          .column("share_dedup", DoubleType, "De-duplicated view: weight_sum_dedup / all canonical weight of the same kind in the period", "0.071");

  /**
   * The tables of counts over many articles (terms, entities, co-mentions, topics and their timelines):
   * an append rewrites them whole, where the per-article tables gain files.
   */
  public static List<TableSchema> aggregates() {
    return List.of(TERM_FREQUENCIES, TERM_TIMELINE, TERM_BY_SOURCE, ENTITIES, ENTITY_TIMELINE, ENTITY_CANDIDATES,
        CO_MENTIONS, CO_MENTION_TIMELINE, TOPICS, TOPIC_TIMELINE);
  }

  /** All tables, in the order the data dictionary lists them. */
  public static List<TableSchema> all() {
    return List.of(ARTICLES, SENTENCES, REJECTS, ARTICLE_TERMS, TERM_FREQUENCIES, TERM_TIMELINE, TERM_BY_SOURCE,
        ENTITIES, ENTITY_MENTIONS, ENTITY_TIMELINE, ENTITY_CANDIDATES, CO_MENTIONS, CO_MENTION_TIMELINE,
        TOPICS, ARTICLE_TOPICS, TOPIC_TIMELINE);
  }
}
