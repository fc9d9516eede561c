package vn.partydev.reporting.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
                        report.table().fileStem() + ".csv");
            }
            if (accepted.toString().startsWith(XLSX)) {
                return file(XlsxExport.write(report.table()), XLSX, report.table().fileStem() + ".xlsx");
            }
            if (accepted.isWildcardType()) {
                break;
            }
        }
        return Response.ok(report.body(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response file(byte[] bytes, String type, String name) {
        return Response.ok(bytes, type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }
}
