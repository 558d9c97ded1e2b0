package io.arabicnews.jobs;

import io.arabicnews.entities.NameSpellings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Builds the English spellings of Arabic name words that label names no gazetteer lists (no Spark). */
@Command(name = "name-spellings", mixinStandardHelpOptions = true, description = "Build the name spellings resource from the Arabic-English name word lists.")
public final class NameSpellingsJob implements Callable<Integer> {
  private static final String LISTS = "../shared/corpora/name-transliterations/";

  @Option(names = "--name-lists", split = ",", defaultValue = LISTS + "google-ar2en.tsv," + LISTS + "wikidata-en-ar-name-tokens.tsv",
      description = "Arabic-English name word lists (default: the two of name-transliterations)")
  List<Path> nameLists;

  @Option(names = "--out", defaultValue = "src/main/resources" + NameSpellings.SHIPPED, description = "Where to write (default: ${DEFAULT-VALUE}, the shipped resource)")
  Path out;

  public static void main(String[] args) {
    System.exit(JobMain.execute(new NameSpellingsJob(), args));
  }

  @Override
  public Integer call() {
    NameSpellings spellings = NameSpellings.fromWordLists(nameLists);
    try (OutputStream o = Files.newOutputStream(out)) {
      spellings.write(o);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + out + ": " + e.getMessage(), e);
    }
    System.out.printf("name-spellings: %,d Arabic words, %s (%,d bytes)%n", spellings.size(), out, out.toFile().length());
    return 0;
  }
}
