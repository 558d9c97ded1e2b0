package io.arabicnews.tables;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * An output table's contract: its name, what one row is, and its columns with types, meanings and
 * examples. Declared once (in {@link Tables}); writers conform data to it and the data dictionary in
 * docs/ is generated from it.
 */
public final class TableSchema {
  private final String name;
  private final String rowMeaning;
  private final List<StructField> fields = new ArrayList<>();

  public TableSchema(String name, String rowMeaning) {
    this.name = name;
    this.rowMeaning = rowMeaning;
  }

  public TableSchema column(String column, DataType type, String meaning, String example) {
    Metadata md =
        new MetadataBuilder().putString("comment", meaning).putString("example", example).build();
    fields.add(new StructField(column, type, true, md));
    return this;
  }

  public String name() {
    return name;
  }

  public String rowMeaning() {
    return rowMeaning;
  }

  public StructType structType() {
    return new StructType(fields.toArray(StructField[]::new));
  }

  /**
   * The data with exactly this table's columns, in order, cast to the declared types. Fails with the
   * missing column's name if the transform forgot one.
   */
  public Dataset<Row> conform(Dataset<Row> data) {
    List<String> present = List.of(data.columns());
    List<Column> cols = new ArrayList<>();
    for (StructField f : fields) {
      if (!present.contains(f.name())) {
        throw new IllegalStateException(
            "Table " + name + " is missing column " + f.name() + "; the transform produced " + present);
      }
      cols.add(data.col(f.name()).cast(f.dataType()).as(f.name(), f.metadata()));
    }
    return data.select(cols.toArray(Column[]::new));
  }
}
