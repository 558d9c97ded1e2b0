package io.arabicnews.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading the project's data files (stop words, lexicon, gazetteer, taxonomy, boilerplate patterns):
 * a shipped classpath resource or a user's file, as UTF-8 lines. Each parser keeps its own format
 * checks and names the file and line in its errors.
 */
public final class DataFile {
  private DataFile() {}

  /** A shipped resource; its absence is a packaging bug, not a user error. */
  public static InputStream resource(String name) {
    InputStream in = DataFile.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("Missing resource " + name + " on the classpath");
    }
    return in;
  }

  /** A user's file; {@code what} names it in the error («gazetteer», «taxonomy»). */
  public static InputStream open(Path path, String what) {
    try {
      return Files.newInputStream(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + what + " " + path + ": " + e.getMessage(), e);
    }
  }

  /** All lines of the stream (closed afterwards). */
  public static List<String> lines(InputStream in) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> out = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        out.add(line);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
