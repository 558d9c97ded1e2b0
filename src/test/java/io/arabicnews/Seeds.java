package io.arabicnews;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The five seed articles of the sample corpus in data/. */
public final class Seeds {
  public static final Path DATA = Path.of("data");

  private Seeds() {}

  /** Seed {@code n} (0–4) as printed. */
  public static String text(int n) {
    try (var files = Files.list(DATA)) {
      Path p = files.filter(f -> f.getFileName().toString().startsWith(String.format("%03d_", n)))
          .findFirst().orElseThrow();
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
