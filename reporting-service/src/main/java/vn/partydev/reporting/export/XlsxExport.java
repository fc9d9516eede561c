package vn.partydev.reporting.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A report table as an Excel workbook (fastexcel): a title row, Vietnamese headers in bold, whole numbers as
 * numbers ("#,##0"), percentages as fractions formatted "0.0%", dates as dates.
 */
public final class XlsxExport {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private XlsxExport() {
    }

    public static byte[] write(ReportTable table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "reporting-service", "1.0");
            Worksheet sheet = workbook.newWorksheet("Báo cáo");
            sheet.value(0, 0, table.title());
            sheet.style(0, 0).bold().set();
            List<Column> columns = table.columns();
            for (int c = 0; c < columns.size(); c++) {
                sheet.value(1, c, columns.get(c).header());
                sheet.style(1, c).bold().set();
                sheet.width(c, Math.max(12, columns.get(c).header().length() + 2));
            }
            int r = 2;
            for (Map<String, Object> row : table.rows()) {
                for (int c = 0; c < columns.size(); c++) {
                    write(sheet, r, c, columns.get(c), row.get(columns.get(c).key()));
                }
                r++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(Worksheet sheet, int r, int c, Column column, Object value) {
        if (value == null) {
            return;
        }
        switch (column.type()) {
            case INTEGER -> {
                sheet.value(r, c, ((Number) value).longValue());
                sheet.style(r, c).format("#,##0").set();
            }
            case PERCENT -> {
                // 29.4 (per cent) is stored as 0.294 so that Excel computes with it and shows 29.4%
                sheet.value(r, c, new BigDecimal(value.toString()).movePointLeft(2));
                sheet.style(r, c).format("0.0%").set();
            }
            case DATE -> {
                sheet.value(r, c, value instanceof LocalDate d ? d : LocalDate.parse(value.toString()));
                sheet.style(r, c).format("dd/mm/yyyy").set();
            }
            case LABEL -> sheet.value(r, c, Labels.of(column.key(), value));
            default -> {
                if (value instanceof Number n) {
                    sheet.value(r, c, n);
                } else {
                    sheet.value(r, c, value.toString());
                }
            }
        }
    }
}
