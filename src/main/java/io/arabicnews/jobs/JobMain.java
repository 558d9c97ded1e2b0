package io.arabicnews.jobs;

import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Runs a job's command line: usage errors and bad input (a missing input root, an unreadable
 * gazetteer) end in one clear message and exit code 2, not a stack trace.
 */
final class JobMain {
  private JobMain() {}

  static int execute(Object command, String[] args) {
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
    return cli.execute(args);
  }
}
