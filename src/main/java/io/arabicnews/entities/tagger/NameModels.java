package io.arabicnews.entities.tagger;

import io.arabicnews.text.DataFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a name tagger comes from: the shipped model, a user's file, or none. */
public final class NameModels {
  /** The shipped model: written by {@code jobs/train-ner.sh --model src/main/resources/…/name-tagger.bin.gz} (see docs/entities.md). */
  public static final String SHIPPED = "/io/arabicnews/entities/tagger/name-tagger.bin.gz";
  /** The option value that turns the tagger off. */
  public static final String NONE = "none";

  private static NameTagger shipped;

  private NameModels() {}

  /** The shipped model, read once per JVM (a model is immutable). */
  public static synchronized NameTagger shipped() {
    if (shipped == null) {
      shipped = NameTagger.read(DataFile.resource(SHIPPED), "name-tagger.bin.gz (shipped)");
    }
    return shipped;
  }

  /**
   * The model an option names: null or empty for the shipped one, {@value #NONE} for no tagger
   * (null), else a model file. A missing, unreadable, corrupt or other-format file is an {@link
   * IllegalArgumentException} naming it.
   */
  public static NameTagger load(String option) {
    if (option == null || option.isBlank()) {
      return shipped();
    }
    if (NONE.equals(option)) {
      return null;
    }
    Path file = Path.of(option);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("Name tagger model " + option + " does not exist (or is not a file)");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return NameTagger.read(in, option);
    } catch (IOException e) {
      throw new IllegalArgumentException("Name tagger model " + option + " cannot be read: " + e.getMessage(), e);
    }
  }
}
