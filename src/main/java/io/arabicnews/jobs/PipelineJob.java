package io.arabicnews.jobs;

import io.arabicnews.entities.EntitiesConfig;
import io.arabicnews.entities.EntityResources;
import io.arabicnews.terms.TermsConfig;
import io.arabicnews.text.AnalyzerResources;
import io.arabicnews.topics.Taxonomy;
import io.arabicnews.topics.TopicsConfig;
import java.util.concurrent.Callable;
import lombok.extern.slf4j.Slf4j;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The whole pipeline in one Spark application: ingest, then each analysis stage over its tables.
 */
@Slf4j
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    description = "Run every stage on a corpus: ingest (articles, sentences, rejects), then the analysis tables.")
public final class PipelineJob implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin CommonOptions common;
  @Mixin TermsOptions terms;
  @Mixin EntitiesOptions entities;
  @Mixin TopicsOptions topics;

  public static void main(String[] args) {
    System.exit(JobMain.execute(new PipelineJob(), args));
  }

  @Override
  public Integer call() {
    IngestJob ingest = new IngestJob();
    ingest.input = input;
    ingest.common = common;
    IngestConfig ingestConfig = ingest.config();
    TermsConfig termsConfig = terms.toConfig();
    EntitiesConfig entitiesConfig = entities.toConfig(terms.period);
    AnalyzerResources resources = common.analyzerResources();
    EntityResources entityResources = EntityResources.build(resources, common.gazetteerFile());
    TopicsConfig topicsConfig = topics.toConfig(terms.period);
    Taxonomy taxonomy = topics.taxonomy(resources);
    SparkSession spark = SparkSessions.create("arabic-news-pipeline", common.master);
    try {
      IngestReport report = IngestJob.run(spark, ingestConfig);
      System.out.println("ingest: " + report.reconciliation());
      TermsReport termsReport =
          TermsJob.run(spark, common.output, common.output, termsConfig, resources);
      System.out.println("terms: " + termsReport.summary());
      EntitiesJob.EntitiesReport entitiesReport =
          EntitiesJob.run(spark, common.output, common.output, entitiesConfig, entityResources);
      System.out.println("entities: " + entitiesReport.summary());
      TopicsJob.TopicsReport topicsReport =
          TopicsJob.run(spark, common.output, common.output, topicsConfig, resources, taxonomy);
      System.out.println("topics: " + topicsReport.summary());
      return 0;
    } finally {
      spark.stop();
    }
  }
}
