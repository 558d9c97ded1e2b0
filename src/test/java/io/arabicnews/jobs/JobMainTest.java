package io.arabicnews.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Command-line and config-file handling, without starting Spark. */
class JobMainTest {
  @TempDir Path tmp;

  private static PipelineJob parse(String... args) {
    PipelineJob job = new PipelineJob();
    new CommandLine(job).parseArgs(args);
    return job;
  }

  @Test
  void configFileSetsOptionsAndFlagsWin() throws Exception {
    Path conf = Files.writeString(tmp.resolve("p.properties"), "period=week\nlda-topics=7\n");
    PipelineJob job = new PipelineJob();
    CommandLine cli = new CommandLine(job);
    JobMain.applyConfig(cli, conf.toString());
    cli.parseArgs("--config", conf.toString(), "--lda-topics", "9");
    PipelineJob.Settings s = job.settings();
    assertThat(s.getTerms().getPeriod().name()).isEqualTo("WEEK");
    assertThat(s.getTopics().getLdaTopics()).isEqualTo(9);
    assertThat(s.getParameters()).containsEntry("--period", "week").containsEntry("--lda-topics", "9");
  }

  @Test
  void theLearnedTopicCountIsGivenOnlyWhenTheCommandLineOrConfigFileSaysIt() throws Exception {
    PipelineJob defaults = parse("--input", "data");
    assertThat(defaults.settings().getTopics().getLdaTopics()).isEqualTo(20);
    assertThat(defaults.settings().getTopics().isLdaTopicsGiven()).isFalse();
    assertThat(parse("--lda-topics", "20").settings().getTopics().isLdaTopicsGiven()).isTrue();
    Path conf = Files.writeString(tmp.resolve("k.properties"), "lda-topics=12\n");
    PipelineJob job = new PipelineJob();
    CommandLine cli = new CommandLine(job);
    JobMain.applyConfig(cli, conf.toString());
    cli.parseArgs("--config", conf.toString());
    assertThat(job.settings().getTopics().getLdaTopics()).isEqualTo(12);
    assertThat(job.settings().getTopics().isLdaTopicsGiven()).isTrue();
  }

  @Test
  void badConfigurationIsOneClearMessageAndExitCode2() throws Exception {
    Path conf = Files.writeString(tmp.resolve("bad.properties"), "# week-level run\nperiod=week\nperod = week\n");
    StringWriter err = new StringWriter();
    PipelineJob job = new PipelineJob();
    int code = JobMain.execute(job, new String[] {"--config", conf.toString()});
    assertThat(code).isEqualTo(2);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> JobMain.load(conf.toString(), new CommandLine(new PipelineJob())))
        .hasMessage("--config " + conf + " line 3: unknown option «perod» (keys are option names without dashes, e.g. period=week; see --help)");
    CommandLine cli = new CommandLine(new PipelineJob());
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute("--period", "fortnight")).isNotZero();
    assertThat(parse("--period", "week").terms.period).isEqualTo("week");
  }

  @Test
  void settingsValidationNamesTheBadValue() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse("--period", "fortnight").settings())
        .hasMessageContaining("--period must be day, week, month, quarter or year (got «fortnight»)");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse("--lda-topics", "1").settings())
        .hasMessageContaining("--lda-topics");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse("--broadcast-articles", "-1").settings())
        .hasMessageContaining("--broadcast-articles must be 0 or more (got -1)");
    assertThat(parse("--broadcast-articles", "0").settings().getTerms().getBroadcastArticles()).isZero();
    assertThat(parse().settings().getTerms().getBroadcastArticles()).isEqualTo(1_000_000);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse("--mode", "update").settings())
        .hasMessageContaining("--mode must be replace or append (got «update»)");
    assertThat(parse("--mode", "append").settings().isAppend()).isTrue();
    assertThat(parse().settings().isAppend()).isFalse();
  }

  @Test
  void aBadNameModelEndsTheRunBeforeSparkStartsWithOneMessageNamingIt() throws Exception {
    Path model = Files.writeString(tmp.resolve("model.bin.gz"), "not a model");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse("--name-model", model.toString()).settings())
        .hasMessageStartingWith("Name tagger model " + model + " cannot be read");
    Path out = tmp.resolve("out");
    StringWriter err = new StringWriter();
    PipelineJob job = new PipelineJob();
    CommandLine cli = new CommandLine(job);
    cli.setErr(new PrintWriter(err, true));
    int code = JobMain.execute(job, new String[] {"--input", "data", "--output", out.toString(),
        "--name-model", tmp.resolve("missing.bin.gz").toString()});
    assertThat(code).isEqualTo(2);
    assertThat(out).doesNotExist();
    assertThat(parse("--name-model", "none").settings().getEntityResources().tagger()).isNull();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse("--min-name-confidence", "1.5").settings())
        .hasMessageContaining("--min-name-confidence must be between 0 and 1 (got 1.5)");
  }
}
