package vn.partydev.reporting.export;

import java.util.List;
import java.util.Map;

/** A report as a table: what the CSV and XLSX files hold (rows are the JSON rows, keyed by column key). */
public record ReportTable(String title, String fileStem, List<Column> columns, List<Map<String, Object>> rows) {
}
