package vn.partydev.organization.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;
import vn.partydev.organization.application.RegisterMembers;
import vn.partydev.organization.domain.Gender;
import vn.partydev.organization.domain.MemberStatus;
import vn.partydev.organization.domain.NewMember;

/**
 * Reads the rows of a member import (a JSON array of members, or a CSV file with a header row) into members,
 * reporting every unreadable value as a violation of its row ({@code rows[5].dateOfBirth}) rather than failing
 * at the first, so the whole file can be corrected at once. Citizen ids are never echoed back.
 */
public final class MemberRows {

    public static final List<String> COLUMNS = List.of("organizationId", "fullName", "dateOfBirth", "gender",
            "citizenId", "status", "admittedOn", "officialOn", "statusSince");
    private static final Set<String> REQUIRED_COLUMNS = Set.of("organizationId", "fullName", "dateOfBirth", "gender",
            "citizenId", "status", "admittedOn");

    /** The rows read (null where a row could not be read at all) and the violations found while reading. */
    public record Parsed(List<NewMember> rows, List<Violation> violations) {
    }

    private MemberRows() {
    }

    public static Parsed fromJson(JsonNode body) {
        if (body == null || !body.isArray()) {
            throw ApiException.badRequest("IMPORT_NOT_AN_ARRAY", Text.of(
                    "Nội dung nhập phải là một mảng JSON các đảng viên.",
                    "The import body must be a JSON array of members."), List.of());
        }
        checkSize(body.size());
        List<Map<String, String>> rows = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode element = body.get(i);
            Map<String, String> row = new LinkedHashMap<>();
            if (!element.isObject()) {
                violations.add(new Violation("TYPE", "rows[" + i + "]", "Dòng phải là một đối tượng JSON.",
                        "The row must be a JSON object.", null));
                rows.add(null);
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = element.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (!COLUMNS.contains(name)) {
                    violations.add(new Violation("UNKNOWN_FIELD", "rows[" + i + "]." + name, "Trường không được hỗ trợ.",
                            "Unknown field.", null));
                } else if (value.isNull()) {
                    row.put(name, null);
                } else if (value.isTextual()) {
                    row.put(name, value.asText());
                } else {
                    violations.add(typeViolation(i, name));
                    row.put(name, null);
                }
            }
            rows.add(row);
        }
        return read(rows, violations);
    }

    public static Parsed fromCsv(String text) {
        String content = text == null ? "" : text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Map<String, String>> rows = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
            List<String> header = parser.getHeaderNames();
            List<String> unknown = header.stream().filter(h -> !COLUMNS.contains(h)).toList();
            List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !header.contains(c)).sorted().toList();
            if (header.isEmpty() || !unknown.isEmpty() || !missing.isEmpty()) {
                throw ApiException.badRequest("CSV_HEADER", Text.of(
                        "Dòng tiêu đề CSV phải gồm các cột " + COLUMNS + "; thiếu " + missing + ", thừa " + unknown + ".",
                        "The CSV header must name the columns " + COLUMNS + "; missing " + missing + ", unknown "
                                + unknown + "."), List.of());
            }
            int i = 0;
            for (CSVRecord record : parser) {
                checkSize(i + 1);
                Map<String, String> row = new LinkedHashMap<>();
                if (!record.isConsistent()) {
                    violations.add(new Violation("CSV_COLUMNS", "rows[" + i + "]",
                            "Số cột của dòng khác dòng tiêu đề.", "The row has a different number of columns "
                            + "than the header.", Map.of("columns", record.size(), "expected", header.size())));
                }
                for (String column : header) {
                    String value = record.isSet(column) ? record.get(column) : null;
                    row.put(column, value == null || value.isEmpty() ? null : value);
                }
                rows.add(row);
                i++;
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException malformed) {
            throw ApiException.badRequest("MALFORMED_CSV", Text.of(
                    "Tệp CSV không đọc được: " + firstLine(malformed.getMessage()),
                    "The CSV file cannot be read: " + firstLine(malformed.getMessage())), List.of());
        }
        if (rows.isEmpty()) {
            throw ApiException.badRequest("EMPTY_IMPORT", Text.of("Tệp không có dòng dữ liệu nào.",
                    "The file has no data rows."), List.of());
        }
        return read(rows, violations);
    }

    private static Parsed read(List<Map<String, String>> raw, List<Violation> violations) {
        if (raw.isEmpty()) {
            throw ApiException.badRequest("EMPTY_IMPORT", Text.of("Không có dòng dữ liệu nào.", "There are no rows."),
                    List.of());
        }
        List<NewMember> members = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Map<String, String> row = raw.get(i);
            if (row == null) {
                members.add(null);
                continue;
            }
            int index = i;
            members.add(new NewMember(
                    parse(row, "organizationId", index, violations, UUID::fromString),
                    row.get("fullName"),
                    parse(row, "dateOfBirth", index, violations, LocalDate::parse),
                    parse(row, "gender", index, violations, v -> Gender.valueOf(v.strip())),
                    row.get("citizenId") == null ? null : row.get("citizenId").strip(),
                    parse(row, "status", index, violations, v -> MemberStatus.valueOf(v.strip())),
                    parse(row, "admittedOn", index, violations, LocalDate::parse),
                    parse(row, "officialOn", index, violations, LocalDate::parse),
                    parse(row, "statusSince", index, violations, LocalDate::parse)));
        }
        return new Parsed(members, violations);
    }

    private static <T> T parse(Map<String, String> row, String field, int index, List<Violation> violations,
                               java.util.function.Function<String, T> parser) {
        String value = row.get(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            violations.add(typeViolation(index, field));
            return null;
        }
    }

    private static Violation typeViolation(int index, String field) {
        String expectedVi = switch (field) {
            case "organizationId" -> "một UUID";
            case "gender" -> "MALE hoặc FEMALE";
            case "status" -> "một trong " + java.util.Arrays.toString(MemberStatus.values());
            case "fullName", "citizenId" -> "một chuỗi";
            default -> "một ngày dạng YYYY-MM-DD";
        };
        String expectedEn = switch (field) {
            case "organizationId" -> "a UUID";
            case "gender" -> "MALE or FEMALE";
            case "status" -> "one of " + java.util.Arrays.toString(MemberStatus.values());
            case "fullName", "citizenId" -> "a string";
            default -> "a date as YYYY-MM-DD";
        };
        return new Violation("TYPE", "rows[" + index + "]." + field, "Giá trị phải là " + expectedVi + ".",
                "The value must be " + expectedEn + ".", null);
    }

    private static void checkSize(int rows) {
        if (rows > RegisterMembers.MAX_IMPORT_ROWS) {
            throw ApiException.badRequest("IMPORT_TOO_LARGE", Text.of(
                    "Mỗi lần nhập tối đa " + RegisterMembers.MAX_IMPORT_ROWS + " dòng.",
                    "At most " + RegisterMembers.MAX_IMPORT_ROWS + " rows per import."), List.of());
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
