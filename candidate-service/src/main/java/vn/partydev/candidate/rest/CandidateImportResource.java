package vn.partydev.candidate.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partydev.candidate.application.ImportCandidates;
import vn.partydev.kit.security.Roles;

/** Bulk import of historical candidate files (nhập hồ sơ kết nạp đảng viên từ hồ sơ giấy), ADR 0092. */
@Path("/api/v1/candidates/import")
@Tag(name = "Candidates", description = "Người vào Đảng: từ quần chúng ưu tú đến đảng viên chính thức")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class CandidateImportResource {

    static final String ROW_EXAMPLE = """
            [{"organizationId":"7a1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f90","fullName":"Nguyễn Thị Hồng Đào",
              "dateOfBirth":"1996-04-12","gender":"FEMALE","citizenId":"079196001234","ethnicity":"Kinh",
              "religion":"Không","hometown":"Xã Đức Mỹ, Hà Tĩnh","occupation":"Giáo viên","sector":"PUBLIC_SERVICE",
              "generalEducation":"12/12","professionalEducation":"UNIVERSITY","politicalTheory":"ELEMENTARY",
              "youthUnionMember":true,"source":"YOUTH_UNION",
              "registeredDate":"2019-09-02",
              "sympathizerDate":"2019-10-15",
              "awarenessCertificateNumber":"125/GCN-TTCT","awarenessCertificateDate":"2019-11-20",
              "applicationDate":"2020-01-06",
              "verificationDate":"2020-03-02","verificationResult":"QUALIFIED",
              "cellResolutionDate":"2020-03-20","cellVotes":{"eligible":15,"present":14,"for":14,"against":0},
              "cellResolution":{"number":"05-NQ/CB","issuer":"Chi bộ Trường THPT Tân Lập"},
              "grassrootsResolutionDate":"2020-04-02",
              "grassrootsResolution":{"number":"21-NQ/ĐU","issuer":"Đảng ủy xã Đức Mỹ"},
              "admissionDecisionDate":"2020-04-20",
              "admissionDecision":{"number":"312-QĐ/HU","issuer":"Ban Thường vụ Huyện ủy Đức Thọ"},
              "ceremonyDate":"2020-05-19",
              "newMemberCourseDate":"2020-08-10","newMemberCertificateNumber":"88/GCN-TTCT",
              "recognitionResolutionDate":"2021-05-20",
              "recognitionVotes":{"eligible":16,"present":16,"for":16,"against":0},
              "officialRecognitionDate":"2021-06-03",
              "officialRecognition":{"number":"455-QĐ/HU","issuer":"Ban Thường vụ Huyện ủy Đức Thọ"},
              "note":"Nhập từ hồ sơ giấy lưu tại Văn phòng Huyện ủy"}]""";

    static final String ERROR_EXAMPLE = """
            {"type":"https://partydev.vn/problems/import-rejected","title":"Vi phạm quy định","status":422,
             "detail":"Không nhập hồ sơ nào: có 2 lỗi.","instance":"/api/v1/candidates/import","code":"IMPORT_REJECTED",
             "violations":[
              {"rule":"DATE_ORDER","field":"rows[12].ceremonyDate","message":"Ngày 2020-04-01 trước mốc liền trước (admissionDecisionDate 2020-04-20).",
               "messageEn":"The date 2020-04-01 is before the previous milestone (admissionDecisionDate 2020-04-20).",
               "values":{"date":"2020-04-01","previous":"2020-04-20","previousField":"admissionDecisionDate"}},
              {"rule":"EVIDENCE_REQUIRED","field":"rows[40].admissionDecision","message":"Cần quyết định kết nạp (9-KNĐ): số và cơ quan ban hành.",
               "messageEn":"the admission decision (9-KNĐ) is required: its number and issuer.","values":null}]}""";

    @Inject
    ImportCandidates importer;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION})
    @Operation(summary = "Import historical candidate files from paper records (all or nothing)",
            description = "A JSON array (at most 10,000 rows) of files: the fields of POST /api/v1/candidates plus every "
                    + "milestone already passed, each with its date and document: registeredDate, sympathizerDate, "
                    + "awarenessCertificateNumber + awarenessCertificateDate, applicationDate (recordDate), "
                    + "verificationDate (verificationResult), cellResolutionDate + cellVotes, grassrootsResolutionDate "
                    + "(not for a chi bộ cơ sở), admissionDecisionDate + admissionDecision {number, issuer}, ceremonyDate, "
                    + "newMemberCourseDate, recognitionResolutionDate + recognitionVotes, officialRecognitionDate + "
                    + "officialRecognition, and endedAs (WITHDRAWN, REJECTED, REMOVED) + endedDate + endedReason / "
                    + "endedDecision. Blocking (422 IMPORT_REJECTED, every problem of every row as rows[i].field, 0-based, "
                    + "nothing imported): a missing earlier milestone, a date before the previous milestone, before "
                    + "birth or in the future, missing evidence, an unknown field, a live duplicate citizen id. The "
                    + "party's rules (age, 2/3 votes, deadlines, probation) are judged on each milestone's date and "
                    + "recorded as warnings: the competent body already decided (ADR 0092). Each milestone becomes "
                    + "one history entry (actor = the importer, evidence.imported = true) and publishes its pipeline "
                    + "event with \"imported\": true, in the same transaction. 201 {\"imported\":N,"
                    + "\"historyEntries\":H,\"events\":E}; 400 not a non-empty JSON array; 403 secretary or viewer; "
                    + "404 a chi bộ unknown or out of the caller's scope (nothing imported). Idempotency-Key replays "
                    + "the first answer.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "an official member's file", value = ROW_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Imported", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "imported",
            value = "{\"imported\":1,\"historyEntries\":12,\"events\":12}")))
    @APIResponse(responseCode = "422", description = "Rejected: nothing imported", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "bad rows", value = ERROR_EXAMPLE)))
    public Response importJson(JsonNode body) {
        CandidateImportRows.Parsed parsed = CandidateImportRows.fromJson(body);
        ImportCandidates.Imported imported = importer.importAll(parsed.rows(), parsed.violations());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("imported", imported.candidates());
        answer.put("historyEntries", imported.historyEntries());
        answer.put("events", imported.events());
        return Response.status(Response.Status.CREATED).entity(answer).build();
    }
}
