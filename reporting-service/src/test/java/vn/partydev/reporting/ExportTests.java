package vn.partydev.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partydev.kit.security.Roles;
import vn.partydev.testkit.DevTokens;

/** Every report as CSV (UTF-8 with BOM) and XLSX, parsed back: Vietnamese headers and the same figures. */
@QuarkusTest
class ExportTests {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static DemoCommune demo;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeEach
    void publishTheCommuneOnce() {
        if (demo == null) {
            demo = new DemoCommune();
            demo.publish(new Events(bootstrap, false));
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().header("Authorization", DevTokens.bearer(Roles.INTEGRATION, demo.commune))
                        .get("/api/v1/reports/admissions?fromYear=2020&toYear=2022").then().extract().jsonPath()
                        .getLong("total") == 17);
    }

    Response file(String report, String accept) {
        return given().header("Authorization", DevTokens.bearer(Roles.INTEGRATION, demo.commune)).accept(accept)
                .get("/api/v1/reports/" + report).then().statusCode(200).extract().response();
    }

    static List<CSVRecord> csv(byte[] bytes) throws Exception {
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        try (CSVParser parser = CSVParser.parse(new StringReader(text),
                CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.getRecords();
        }
    }

    @Test
    void admissionsByKindAsCsv() throws Exception {
        Response response = file("admissions?fromYear=2020&toYear=2022&groupBy=kind", "text/csv");
        assertTrue(response.contentType().startsWith("text/csv"));
        assertTrue(response.header("Content-Disposition").contains("filename=\"ket-nap-dang-vien-2020-2022.csv\""));
        List<CSVRecord> rows = csv(response.asByteArray());
        Map<String, CSVRecord> byKind = rows.stream().collect(Collectors.toMap(r -> r.get("Loại hình chi bộ"),
                r -> r));
        assertEquals("5", byKind.get("Khu dân cư").get("Số đảng viên kết nạp"));
        assertEquals("29.4", byKind.get("Khu dân cư").get("Tỷ lệ (%)"));
        assertEquals(17, rows.stream().mapToInt(r -> Integer.parseInt(r.get("Số đảng viên kết nạp"))).sum());
    }

    @Test
    void admissionsByYearAsXlsxWithNumberAndPercentFormats() throws Exception {
        Response response = file("admissions?fromYear=2020&toYear=2022&groupBy=year", XLSX);
        assertTrue(response.contentType().startsWith(XLSX));
        assertTrue(response.header("Content-Disposition").contains(".xlsx"));
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(response.asByteArray()),
                new ReadingOptions(true, false))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertTrue(rows.get(0).getCell(0).asString().startsWith("Kết nạp đảng viên 2020–2022"));
            assertEquals(List.of("Năm", "Số đảng viên kết nạp", "Tỷ lệ (%)"),
                    List.of(rows.get(1).getCell(0).asString(), rows.get(1).getCell(1).asString(),
                            rows.get(1).getCell(2).asString()));
            assertEquals(new BigDecimal("2020"), rows.get(2).getCell(0).asNumber());
            assertEquals(6, rows.get(2).getCell(1).asNumber().intValue());
            assertEquals(5, rows.get(4).getCell(1).asNumber().intValue());
            assertEquals(0, new BigDecimal("0.294").compareTo(rows.get(4).getCell(2).asNumber()));
            assertEquals("0.0%", rows.get(4).getCell(2).getDataFormatString());
            assertEquals("#,##0", rows.get(4).getCell(1).getDataFormatString());
        }
    }

    @Test
    void targetsAndStaleCellsAsFiles() throws Exception {
        List<CSVRecord> targets = csv(file("targets?year=2021", "text/csv").asByteArray());
        assertEquals("Đảng bộ xã Tiến Hưng", targets.get(0).get("Tổ chức đảng"));
        assertEquals("5", targets.get(0).get("Chỉ tiêu"));
        assertEquals("6", targets.get(0).get("Đã kết nạp"));
        assertEquals("120.0", targets.get(0).get("Tỷ lệ đạt (%)"));
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(
                file("stale-cells?years=3", XLSX).asByteArray()), new ReadingOptions(true, false))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertEquals("Lần kết nạp gần nhất", rows.get(1).getCell(2).asString());
            assertEquals(2 + 14, rows.size());
        }
    }

    @Test
    void everyReportHasACsvAndAnXlsx() throws Exception {
        for (String report : List.of("pipeline", "recognitions?fromYear=2020&toYear=2022", "training?year=2021",
                "admissions?groupBy=organization,gender&fromYear=2020&toYear=2022")) {
            assertTrue(csv(file(report, "text/csv").asByteArray()) != null);
            try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(
                    file(report, XLSX).asByteArray()))) {
                assertTrue(workbook.getFirstSheet().read().size() >= 2);
            }
        }
    }
}
