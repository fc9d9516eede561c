package vn.partydev.reporting.rest;

import io.quarkus.arc.Arc;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.partydev.kit.audit.AuditTrail;
import vn.partydev.reporting.application.Report;
import vn.partydev.reporting.export.CsvExport;
import vn.partydev.reporting.export.XlsxExport;

/** Answers a report as JSON, CSV or XLSX, whichever the caller's Accept header asks for first. */
final class ReportResponses {

    static final String XLSX = XlsxExport.MEDIA_TYPE;
    static final String CSV = CsvExport.MEDIA_TYPE;

    private ReportResponses() {
    }

    static Response answer(HttpHeaders headers, Report report) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !accepted.isWildcardType()) {
                break;
            }
            if (accepted.getType().equals("text") && accepted.getSubtype().equals("csv")) {
                return file(CsvExport.write(report.table()), CSV + "; charset=UTF-8",
                        report.table().fileStem() + ".csv", "csv", report.table().rows().size());
            }
            if (accepted.toString().startsWith(XLSX)) {
                return file(XlsxExport.write(report.table()), XLSX, report.table().fileStem() + ".xlsx", "xlsx",
                        report.table().rows().size());
            }
            if (accepted.isWildcardType()) {
                break;
            }
        }
        return Response.ok(report.body(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response file(byte[] bytes, String type, String name, String format, int rows) {
        // Who exported what is committed before a byte of the file is sent; if it cannot be, the export is refused
        // with 503 and nothing leaves unaudited (ADR 0098). A static helper, so the audit bean is looked up.
        Arc.container().instance(AuditTrail.class).get().recordExport(format, rows);
        return Response.ok(bytes, type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }
}
