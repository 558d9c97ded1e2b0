package io.arabicnews.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DataDictionaryTest {
  private static final Path DOC = Path.of("docs", "data-dictionary.md");

  @Test
  void committedDataDictionaryMatchesTheSchemasInCode() throws IOException {
    String generated = DataDictionary.markdown();
    if (Boolean.getBoolean("updateDocs")) {
      Files.createDirectories(DOC.getParent());
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(DOC)).as("%s exists", DOC).isTrue();
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as("docs/data-dictionary.md is stale: run ./test.sh -Dtest=DataDictionaryTest -DupdateDocs=true")
        .isEqualTo(generated);
  }

  @Test
  void everyColumnHasAMeaningAndAnExample() {
    for (TableSchema t : Tables.all()) {
      t.structType().foreach(f -> {
        assertThat(f.metadata().getString("comment")).as("%s.%s", t.name(), f.name()).isNotBlank();
        assertThat(f.metadata().getString("example")).as("%s.%s", t.name(), f.name()).isNotBlank();
        return null;
      });
    }
  }
}
