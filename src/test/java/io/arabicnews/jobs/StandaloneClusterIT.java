package io.arabicnews.jobs;

import io.arabicnews.TableRows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on loopback (a Master and two Workers, from the Spark jars on the
 * Maven classpath), the shaded job jar submitted to it with SparkSubmit while one Worker is killed
 * midway, and every output table compared row for row with a local[2] run of the same jar; then the
 * same jar registers the local run's tables in a Hive metastore (embedded Derby) from its tables.sql;
 * and a run killed midway leaves the published tables as they were.
 * Everything started is stopped in
 * {@link #stopCluster()}, also on failure. Only 127.0.0.1 is used.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
  private static final String[] TABLES = {
    "articles", "sentences", "rejects", "article_terms", "term_frequencies", "term_timeline", "term_by_source",
    "entities", "entity_mentions", "entity_timeline", "entity_candidates", "co_mentions", "co_mention_timeline",
    "topics", "article_topics", "topic_timeline"
  };
  @TempDir static Path tmp;
  private static final List<Process> processes = new ArrayList<>();
  private static final Map<String, Process> workers = new java.util.HashMap<>();
  private static Path localRun;
  private static String classpath;
  private static Path sparkHome;
  private static int masterPort;

  @BeforeAll
  static void startCluster() throws Exception {
    List<String> jars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(p -> p.endsWith(".jar") && !p.contains("junit") && !p.contains("assertj") && !p.contains("surefire")
            && !p.contains("failsafe"))
        .toList();
    sparkHome = Files.createDirectories(tmp.resolve("spark-home"));
    Path jarDir = Files.createDirectories(sparkHome.resolve("jars"));
    for (String jar : jars) {
      Path link = jarDir.resolve(Path.of(jar).getFileName());
      if (!Files.exists(link)) {
        Files.createSymbolicLink(link, Path.of(jar));
      }
    }
    classpath = jarDir + "/*";
    masterPort = freePort();
    start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
        String.valueOf(masterPort), "--webui-port", String.valueOf(freePort()));
    waitFor("master", "Starting Spark master", Duration.ofSeconds(60));
    for (int i = 1; i <= 2; i++) {
      workers.put("worker-" + i, start("worker-" + i, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
          "--memory", "1g", "--webui-port", String.valueOf(freePort()), "--work-dir",
          tmp.resolve("work-" + i).toString(), "spark://127.0.0.1:" + masterPort));
    }
    for (int i = 1; i <= 2; i++) {
      waitFor("worker-" + i, "Successfully registered with master", Duration.ofSeconds(60));
    }
  }

  @AfterAll
  static void stopCluster() {
    for (Process p : processes) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static List<String> java(String mainClass) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g"));
    cmd.addAll(Arrays.asList(System.getProperty("spark.java.opens").split(" ")));
    cmd.addAll(List.of("-cp", classpath, mainClass));
    return cmd;
  }

  private static Process start(String name, String mainClass, String... args) throws IOException {
    List<String> cmd = java(mainClass);
    cmd.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(tmp.resolve(name + ".log").toFile());
    Map<String, String> env = pb.environment();
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    processes.add(p);
    return p;
  }

  private static void waitFor(String name, String text, Duration timeout) throws Exception {
    Path log = tmp.resolve(name + ".log");
    Instant end = Instant.now().plus(timeout);
    while (Instant.now().isBefore(end)) {
      if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(name + " did not log «" + text + "» within " + timeout + ":\n"
        + (Files.exists(log) ? Files.readString(log) : "(no log)"));
  }

  /** Starts the shaded jar's pipeline on {@code input} into {@code out}. */
  private static Process startPipeline(String name, String master, Path input, Path out) throws IOException {
    String opens = System.getProperty("spark.java.opens");
    return start(name, "org.apache.spark.deploy.SparkSubmit", "--master", master,
        "--conf", "spark.executor.memory=1g", "--conf", "spark.executor.extraJavaOptions=" + opens,
        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.ui.enabled=false",
        "--class", "io.arabicnews.jobs.PipelineJob", System.getProperty("app.jar"),
        "--input", input.toAbsolutePath().toString(), "--output", out.toString(),
        "--lda-topics", "3", "--lda-iterations", "5");
  }

  /** Runs the shaded jar's pipeline on the seeds and waits for it; returns its output root. */
  private static Path submit(String name, String master) throws Exception {
    Path out = tmp.resolve(name + "-out");
    Process p = startPipeline(name, master, Path.of("data"), out);
    boolean done = p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS);
    String log = Files.readString(tmp.resolve(name + ".log"));
    assertThat(done).as("%s finished within 5 minutes; log:%n%s", name, log).isTrue();
    assertThat(p.exitValue()).as("%s exit code; log:%n%s", name, log).isZero();
    assertThat(log).contains("ingest: read 5, loaded 5, rejected 0");
    // Output to a file, not a terminal: no progress bars, the stage summary lines still there.
    assertThat(log).as("progress bars in a log file").doesNotContain("[Stage ");
    assertThat(log).contains("topics: 5 articles");
    return out;
  }

  /** The reference: the same jar on the seeds in local mode (run once, shared by the tests). */
  private static synchronized Path localRun() throws Exception {
    if (localRun == null) {
      localRun = submit("local-run", "local[2]");
    }
    return localRun;
  }

  /**
   * Last: a cluster run that loses one of its two Workers (and its executor) once ingest is done
   * still ends with every table row for row the local run's; then the same jar registers the tables
   * in a Hive metastore. One run shows both that the jar runs on a cluster as it does locally and
   * that it survives an executor's loss: each costs a minute of the test suite.
   */
  @Test
  @Order(2)
  void aClusterRunThatLosesAWorkerGivesTheLocalRunsRows() throws Exception {
    Path local = localRun();
    Path cluster = tmp.resolve("cluster-out");
    Process run = startPipeline("cluster-run", "spark://127.0.0.1:" + masterPort, Path.of("data"), cluster);
    // Ingest is done and the terms stage has started on both executors: take one away.
    waitFor("cluster-run", "ingest: read 5, loaded 5", Duration.ofSeconds(180));
    Process worker = workers.get("worker-2");
    worker.descendants().forEach(ProcessHandle::destroyForcibly);
    worker.destroyForcibly().waitFor();

    boolean done = run.waitFor(300, java.util.concurrent.TimeUnit.SECONDS);
    String log = Files.readString(tmp.resolve("cluster-run.log"));
    assertThat(done).as("the run finished within 5 minutes of losing a worker; log:%n%s", log).isTrue();
    assertThat(run.exitValue()).as("exit code; log:%n%s", log).isZero();
    assertThat(Files.readString(tmp.resolve("master.log"))).contains("Registering app arabic-news-pipeline");
    assertThat(log).as("the driver saw its executor go").containsPattern("Lost executor \\d+|Executor \\d+ .*(lost|exited)|ExecutorLostFailure|Removed executor");
    assertThat(log).as("progress bars in a log file").doesNotContain("[Stage ");
    assertThat(log).contains("topics: 5 articles", "tables:");
    assertSameRows(cluster, local);

    // The same jar registers the tables in a Hive metastore (embedded Derby) from tables.sql.
    Process register = start("register", "org.apache.spark.deploy.SparkSubmit", "--master", "local[1]",
        "--conf", "spark.ui.enabled=false", "--class", "io.arabicnews.jobs.RegisterTablesJob",
        System.getProperty("app.jar"), "--output", local.toString());
    assertThat(register.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    String registered = Files.readString(tmp.resolve("register.log"));
    assertThat(register.exitValue()).as("register-tables exit code; log:%n%s", registered).isZero();
    assertThat(registered).contains("registered arabic_news.articles: 5 rows", "registered arabic_news.co_mentions:");
    assertThat(registered.lines().filter(l -> l.startsWith("registered arabic_news.")).count()).isEqualTo(17);
  }

  private static void assertSameRows(Path cluster, Path local) {
    SparkSession spark = SparkSession.builder().master("local[2]").appName("compare")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
    try {
      for (String table : TABLES) {
        Dataset<Row> a = TableRows.comparable(spark.read().parquet(cluster.resolve(table).toString()));
        Dataset<Row> b = TableRows.comparable(spark.read().parquet(local.resolve(table).toString()));
        TableRows.assertSameRows(table, a, "in the cluster run", b, "in the local run");
      }
    } finally {
      spark.stop();
    }
  }

  @Test
  @Order(1)
  void aKilledRunLeavesThePublishedTablesUnchanged() throws Exception {
    // The local reference run's tables are the published ones a second run must not disturb (the
    // cluster test, after this one, still compares against them).
    Path published = localRun();
    Map<String, Long> before = listing(published);
    Path other = Files.createDirectories(tmp.resolve("other-input"));
    Files.writeString(other.resolve("news.jsonl"), String.join("\n",
        "{\"id\":\"x1\",\"date\":\"2013-03-04\",\"title\":\"خبر\",\"text\":\"نص عن القاهرة وموسكو.\"}",
        "{\"id\":\"x2\",\"date\":\"2013-03-05\",\"title\":\"خبر آخر\",\"text\":\"نص آخر عن غزة.\"}") + "\n");
    Process second = startPipeline("killed-run", "local[2]", other, published);
    waitFor("killed-run", "ingest: read 2, loaded 2", Duration.ofSeconds(180));
    second.descendants().forEach(ProcessHandle::destroyForcibly);
    second.destroyForcibly().waitFor();

    // The staging folder of the killed run is there; the published tables are exactly the first run's.
    assertThat(published.resolve("_staging")).isDirectory();
    assertThat(listing(published)).isEqualTo(before);
    SparkSession spark = SparkSession.builder().master("local[1]").appName("after-kill")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
    try {
      assertThat(spark.read().parquet(published.resolve("articles").toString()).count()).isEqualTo(5);
      for (String table : TABLES) {
        spark.read().parquet(published.resolve(table).toString()).count(); // every table still reads
      }
    } finally {
      spark.stop();
    }
  }

  /** File name → size of every file under the root's tables (the staging folder excluded). */
  private static Map<String, Long> listing(Path root) throws IOException {
    Map<String, Long> files = new java.util.TreeMap<>();
    for (String table : TABLES) {
      try (var s = Files.walk(root.resolve(table))) {
        for (Path f : s.filter(Files::isRegularFile).toList()) {
          files.put(root.relativize(f).toString(), Files.size(f));
        }
      }
    }
    return files;
  }
}
