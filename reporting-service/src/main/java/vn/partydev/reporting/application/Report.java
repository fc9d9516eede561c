package vn.partydev.reporting.application;

import java.util.Map;
import vn.partydev.reporting.export.ReportTable;

/** One report answer: the JSON body (asOf, organizationId, rows, …) and the same rows as a table for files. */
public record Report(Map<String, Object> body, ReportTable table) {
}
