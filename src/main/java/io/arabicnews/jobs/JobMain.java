package io.arabicnews.jobs;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Runs a job's command line: usage errors and bad input (a missing input root, an unreadable
 * gazetteer) end in one clear message and exit code 2, not a stack trace.
 *
 * <p>{@code --config FILE} names a properties file whose keys are option names without the dashes
 * ({@code period=week}, {@code lda-topics=30}); flags on the command line win over it. An unknown key
 * is an error naming the file and key, so a typo is not silently ignored.
 */
final class JobMain {
  private JobMain() {}

  static int execute(Object command, String[] args) {
    return execute(command, args, true);
  }

  /** @param reportHeap whether to print the peak heap line at the end (not for quick queries) */
  static int execute(Object command, String[] args, boolean reportHeap) {
    if (reportHeap) {
      PeakHeap.start();
    }
    CommandLine cli = new CommandLine(command);
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          Throwable cause = e;
          while (cause.getCause() != null
              && !(cause instanceof IllegalArgumentException)
              && !(cause instanceof UncheckedIOException)) {
            cause = cause.getCause();
          }
          if (cause instanceof IllegalArgumentException || cause instanceof UncheckedIOException) {
            cmd.getErr().println(cmd.getCommandName() + ": error: " + cause.getMessage());
            return 2;
          }
          throw e;
        });
    String config = configFile(args);
    if (config != null) {
      try {
        applyConfig(cli, config);
      } catch (IllegalArgumentException | UncheckedIOException e) {
        cli.getErr().println(cli.getCommandName() + ": error: " + e.getMessage());
        return 2;
      }
    }
    int code = cli.execute(args);
    if (reportHeap) {
      System.err.println(PeakHeap.line());
    }
    return code;
  }

  private static String configFile(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        return args[i + 1];
      }
      if (args[i].startsWith("--config=")) {
        return args[i].substring("--config=".length());
      }
    }
    return null;
  }

  /** Makes the file's values the defaults of {@code cli}'s options (flags still win). */
  static void applyConfig(CommandLine cli, String file) {
    Properties props = load(file, cli);
    cli.setDefaultValueProvider(option -> option.isOption()
        ? props.getProperty(((OptionSpec) option).longestName().replaceFirst("^-+", "")) : null);
  }

  static Properties load(String file, CommandLine cli) {
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(new File(file).toPath())) {
      props.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read --config " + file + ": " + e.getMessage(), e);
    }
    Set<String> known = new HashSet<>();
    for (OptionSpec o : cli.getCommandSpec().options()) {
      known.add(o.longestName().replaceFirst("^-+", ""));
    }
    for (String key : props.stringPropertyNames()) {
      if (!known.contains(key) || key.equals("config")) {
        throw new IllegalArgumentException("--config " + file + lineOf(file, key) + ": unknown option «" + key
            + "» (keys are option names without dashes, e.g. period=week; see --help)");
      }
    }
    return props;
  }

  /** {@code " line N"} of the first line that sets {@code key}, or nothing if it cannot be found. */
  private static String lineOf(String file, String key) {
    try {
      List<String> lines = Files.readAllLines(new File(file).toPath(), java.nio.charset.StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.startsWith(key) && line.substring(key.length()).strip().matches("^[=:].*|^$")) {
          return " line " + (i + 1);
        }
      }
    } catch (IOException e) {
      // The key was read from this file a moment ago; without its line the message still names it.
    }
    return "";
  }
}
