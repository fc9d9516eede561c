package vn.partydev.reporting.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A report table as CSV: UTF-8 with a byte-order mark so that Excel shows Vietnamese, Vietnamese headers,
 * numbers with a dot as decimal separator (percentages as 29.4, without the % sign).
 */
public final class CsvExport {

    public static final String MEDIA_TYPE = "text/csv";

    private CsvExport() {
    }

    public static byte[] write(ReportTable table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            CSVFormat format = CSVFormat.EXCEL.builder()
                    .setHeader(table.columns().stream().map(Column::header).toArray(String[]::new)).get();
            try (CSVPrinter printer = new CSVPrinter(writer, format)) {
                for (Map<String, Object> row : table.rows()) {
                    List<Object> values = new ArrayList<>();
                    for (Column column : table.columns()) {
                        values.add(cell(column, row.get(column.key())));
                    }
                    printer.printRecord(values);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Object cell(Column column, Object value) {
        if (value == null) {
            return "";
        }
        return column.type() == Column.Type.LABEL ? Labels.of(column.key(), value) : value;
    }
}
