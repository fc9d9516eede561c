package vn.partydev.candidate.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.partydev.candidate.application.ImportCandidates;
import vn.partydev.candidate.domain.AreaCategory;
import vn.partydev.candidate.domain.CandidateSource;
import vn.partydev.candidate.domain.Decision;
import vn.partydev.candidate.domain.Gender;
import vn.partydev.candidate.domain.PoliticalTheory;
import vn.partydev.candidate.domain.ProfessionalEducation;
import vn.partydev.candidate.domain.Sector;
import vn.partydev.candidate.domain.Stage;
import vn.partydev.candidate.domain.VerificationResult;
import vn.partydev.candidate.domain.Votes;
import vn.partydev.candidate.domain.history.HistoricalRecord;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;

/**
 * Reads the body of {@code POST /api/v1/candidates/import}: a JSON array of historical files. A body that is not
 * a non-empty array (or too long) is 400; inside it every unreadable, missing or unknown field of every row is
 * collected as {@code rows[i].field} (0-based), so that the answer lists them all at once (422, nothing imported).
 * An unknown field is an error, not ignored: a misspelt {@code ceremonyDate} must not silently drop a milestone.
 */
final class CandidateImportRows {

    record Parsed(List<HistoricalRecord> rows, List<Violation> violations) {
    }

    private static final Pattern CITIZEN_ID = Pattern.compile("\\d{12}");
    private static final Set<String> FIELDS = Set.of("organizationId", "fullName", "dateOfBirth", "gender", "citizenId",
            "ethnicity", "religion", "hometown", "residence", "occupation", "sector", "generalEducation",
            "professionalEducation", "politicalTheory", "youthUnionMember", "areaCategory", "villageElder", "source",
            "registeredDate", "sympathizerDate", "sympathizerDecision", "awarenessCertificateNumber",
            "awarenessCertificateDate", "applicationDate", "recordDate", "verificationDate", "verificationResult",
            "cellResolutionDate", "cellVotes", "cellResolution", "grassrootsResolutionDate", "grassrootsVotes",
            "grassrootsResolution", "admissionDecisionDate", "admissionDecision", "ceremonyDate", "newMemberCourseDate",
            "newMemberCertificateNumber", "recognitionResolutionDate", "recognitionVotes", "recognitionResolution",
            "officialRecognitionDate", "officialRecognition", "endedAs", "endedDate", "endedReason", "endedDecision",
            "note");

    private CandidateImportRows() {
    }

    static Parsed fromJson(JsonNode body) {
        if (body == null || !body.isArray() || body.isEmpty()) {
            throw ApiException.badRequest("MALFORMED_REQUEST", Text.of(
                    "Thân yêu cầu phải là một mảng JSON các hồ sơ, không rỗng.",
                    "The body must be a non-empty JSON array of records."), List.of());
        }
        if (body.size() > ImportCandidates.MAX_ROWS) {
            throw ApiException.badRequest("TOO_MANY_ROWS", Text.of(
                    "Mỗi lần nhập tối đa " + ImportCandidates.MAX_ROWS + " hồ sơ.",
                    "At most " + ImportCandidates.MAX_ROWS + " records per import."), List.of());
        }
        List<HistoricalRecord> rows = new ArrayList<>(body.size());
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode node = body.get(i);
            String prefix = "rows[" + i + "]";
            if (!node.isObject()) {
                violations.add(new Violation("MALFORMED_ROW", prefix, "Mỗi dòng phải là một đối tượng JSON.",
                        "Each row must be a JSON object.", null));
                rows.add(null);
                continue;
            }
            Row row = new Row(node, prefix + ".", violations);
            rows.add(row.read());
        }
        return new Parsed(rows, violations);
    }

    /** One row's reader: each accessor records its own problem and answers null. */
    private static final class Row {
        private final JsonNode node;
        private final String prefix;
        private final List<Violation> violations;

        Row(JsonNode node, String prefix, List<Violation> violations) {
            this.node = node;
            this.prefix = prefix;
            this.violations = violations;
        }

        HistoricalRecord read() {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    problem("UNKNOWN_FIELD", name, "Trường không được biết: " + name + ".", "Unknown field: " + name + ".");
                }
            }
            String citizenId = text("citizenId", 12, true);
            if (citizenId != null && !CITIZEN_ID.matcher(citizenId).matches()) {
                problem("PATTERN", "citizenId", "Số căn cước phải gồm đúng 12 chữ số.", "The citizen id is 12 digits.");
                citizenId = null;
            }
            LocalDate dateOfBirth = date("dateOfBirth", true);
            Stage endedAs = enumValue("endedAs", Stage.class, false);
            String verification = text("verificationResult", 20, false);
            if (verification != null && Arrays.stream(VerificationResult.values()).noneMatch(v -> v.name().equals(verification))) {
                problem("INVALID_VALUE", "verificationResult", "Kết quả thẩm tra là QUALIFIED hoặc NOT_QUALIFIED.",
                        "verificationResult is QUALIFIED or NOT_QUALIFIED.");
            }
            HistoricalRecord r = new HistoricalRecord(uuid("organizationId"), text("fullName", 200, true), dateOfBirth,
                    enumValue("gender", Gender.class, true), citizenId, text("ethnicity", 50, true),
                    text("religion", 100, true), text("hometown", 300, false), text("residence", 300, false),
                    text("occupation", 200, false), enumValue("sector", Sector.class, true),
                    text("generalEducation", 50, true), enumValue("professionalEducation", ProfessionalEducation.class, true),
                    enumValue("politicalTheory", PoliticalTheory.class, true), bool("youthUnionMember", true),
                    enumValue("areaCategory", AreaCategory.class, false), Boolean.TRUE.equals(bool("villageElder", false)),
                    enumValue("source", CandidateSource.class, true),
                    date("registeredDate", false),
                    date("sympathizerDate", false), decision("sympathizerDecision", "sympathizerDate"),
                    text("awarenessCertificateNumber", 100, false), date("awarenessCertificateDate", false),
                    date("applicationDate", false), date("recordDate", false),
                    date("verificationDate", false), verification,
                    date("cellResolutionDate", false), votes("cellVotes"), decision("cellResolution", "cellResolutionDate"),
                    date("grassrootsResolutionDate", false), votes("grassrootsVotes"),
                    decision("grassrootsResolution", "grassrootsResolutionDate"),
                    date("admissionDecisionDate", false), decision("admissionDecision", "admissionDecisionDate"),
                    date("ceremonyDate", false),
                    date("newMemberCourseDate", false), text("newMemberCertificateNumber", 100, false),
                    date("recognitionResolutionDate", false), votes("recognitionVotes"),
                    decision("recognitionResolution", "recognitionResolutionDate"),
                    date("officialRecognitionDate", false), decision("officialRecognition", "officialRecognitionDate"),
                    endedAs, date("endedDate", false), text("endedReason", 2000, false),
                    decision("endedDecision", "endedDate"), text("note", 2000, false));
            // Read as far as possible: the milestones' own checks run on it too, so one answer lists everything.
            return r;
        }

        private JsonNode value(String field) {
            JsonNode v = node.get(field);
            return v == null || v.isNull() ? null : v;
        }

        private String text(String field, int max, boolean required) {
            JsonNode v = value(field);
            if (v == null) {
                return missing(field, required);
            }
            if (!v.isTextual() || (required && v.asText().isBlank())) {
                return invalid(field, "một chuỗi ký tự", "a string");
            }
            if (v.asText().length() > max) {
                problem("SIZE", field, "Dài tối đa " + max + " ký tự.", "At most " + max + " characters.");
                return null;
            }
            return v.asText();
        }

        private LocalDate date(String field, boolean required) {
            return dateOf(value(field), field, required);
        }

        private LocalDate dateOf(JsonNode v, String field, boolean required) {
            if (v == null) {
                return missing(field, required);
            }
            if (!v.isTextual()) {
                return invalid(field, "một ngày yyyy-MM-dd", "a date yyyy-MM-dd");
            }
            try {
                LocalDate d = LocalDate.parse(v.asText());
                if (d.getYear() < 1900) {
                    return invalid(field, "một ngày từ năm 1900", "a date from 1900 on");
                }
                return d;
            } catch (DateTimeParseException e) {
                return invalid(field, "một ngày yyyy-MM-dd", "a date yyyy-MM-dd");
            }
        }

        private UUID uuid(String field) {
            JsonNode v = value(field);
            if (v == null) {
                return missing(field, true);
            }
            try {
                return v.isTextual() ? UUID.fromString(v.asText()) : invalid(field, "một UUID", "a UUID");
            } catch (IllegalArgumentException e) {
                return invalid(field, "một UUID", "a UUID");
            }
        }

        private Boolean bool(String field, boolean required) {
            JsonNode v = value(field);
            if (v == null) {
                return missing(field, required);
            }
            return v.isBoolean() ? v.booleanValue() : invalid(field, "true hoặc false", "true or false");
        }

        private <E extends Enum<E>> E enumValue(String field, Class<E> type, boolean required) {
            JsonNode v = value(field);
            if (v == null) {
                return missing(field, required);
            }
            String allowed = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
            if (v.isTextual()) {
                for (E e : type.getEnumConstants()) {
                    if (e.name().equals(v.asText())) {
                        return e;
                    }
                }
            }
            return invalid(field, "một trong " + allowed, "one of " + allowed);
        }

        private Votes votes(String field) {
            JsonNode v = value(field);
            if (v == null) {
                return null;
            }
            if (!v.isObject()) {
                return invalid(field, "{eligible, present, for, against}", "{eligible, present, for, against}");
            }
            Integer[] n = new Integer[4];
            String[] names = {"eligible", "present", "for", "against"};
            boolean ok = true;
            for (int k = 0; k < 4; k++) {
                JsonNode x = v.get(names[k]);
                if (x == null || !x.canConvertToInt() || !x.isIntegralNumber() || x.intValue() < 0) {
                    invalid(field + "." + names[k], "một số nguyên không âm", "a non-negative integer");
                    ok = false;
                } else {
                    n[k] = x.intValue();
                }
            }
            return ok ? new Votes(n[0], n[1], n[2], n[3]) : null;
        }

        /** A document; its date defaults to the milestone's date. */
        private Decision decision(String field, String dateField) {
            JsonNode v = value(field);
            if (v == null) {
                return null;
            }
            if (!v.isObject()) {
                return invalid(field, "{number, date, issuer}", "{number, date, issuer}");
            }
            JsonNode number = v.get("number");
            JsonNode issuer = v.get("issuer");
            if (number != null && !number.isNull() && (!number.isTextual() || number.asText().length() > 100)) {
                invalid(field + ".number", "một chuỗi tối đa 100 ký tự", "a string of at most 100 characters");
                return null;
            }
            if (issuer != null && !issuer.isNull() && (!issuer.isTextual() || issuer.asText().length() > 300)) {
                invalid(field + ".issuer", "một chuỗi tối đa 300 ký tự", "a string of at most 300 characters");
                return null;
            }
            JsonNode dateNode = v.get("date");
            LocalDate date = dateNode == null || dateNode.isNull() ? null : dateOf(dateNode, field + ".date", false);
            if (date == null) {
                JsonNode milestone = value(dateField);
                date = milestone != null && milestone.isTextual() ? safeDate(milestone.asText()) : null;
            }
            return new Decision(number == null || number.isNull() ? null : number.asText(), date,
                    issuer == null || issuer.isNull() ? null : issuer.asText());
        }

        private static LocalDate safeDate(String s) {
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        private <T> T missing(String field, boolean required) {
            if (required) {
                problem("REQUIRED", field, "Bắt buộc.", "Required.");
            }
            return null;
        }

        private <T> T invalid(String field, String vi, String en) {
            problem("INVALID_VALUE", field, "Phải là " + vi + ".", "Must be " + en + ".");
            return null;
        }

        private void problem(String rule, String field, String vi, String en) {
            violations.add(new Violation(rule, prefix + field, vi, en, Map.of()));
        }
    }
}
