package vn.partydev.organization.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partydev.kit.rest.Page;
import vn.partydev.kit.rest.PageRequest;
import vn.partydev.kit.rest.QueryParams;
import vn.partydev.kit.security.Roles;
import vn.partydev.organization.application.ChangeMemberStatus;
import vn.partydev.organization.application.EndTemporaryTransfer;
import vn.partydev.organization.application.MemberQueries;
import vn.partydev.organization.application.RecordMemberIdentity;
import vn.partydev.organization.application.RegisterMembers;
import vn.partydev.organization.application.TransferMember;
import vn.partydev.organization.domain.Gender;
import vn.partydev.organization.domain.MemberStatus;
import vn.partydev.organization.domain.NewMember;
import vn.partydev.organization.domain.TransferKind;
import vn.partydev.organization.persistence.MemberEntity;

/** The roster of party members (danh sách đảng viên): entry, import, lists, one member, transfers. */
@Path("/api/v1/members")
@Tag(name = "Members", description = "Danh sách đảng viên: nhập, tra cứu, chuyển sinh hoạt")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class MemberResource {

    static final String MEMBER_EXAMPLE = """
            {"organizationId":"6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f51","fullName":"Nguyễn Thị Hoa",
             "dateOfBirth":"1980-05-02","gender":"FEMALE","citizenId":"079180001234","status":"OFFICIAL",
             "admittedOn":"2005-05-19","officialOn":"2006-05-19"}""";
    static final String VIEW_EXAMPLE = """
            {"id":"2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d","version":0,
             "organizationId":"6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f51","fullName":"Nguyễn Thị Hoa",
             "dateOfBirth":"1980-05-02","birthYear":1980,"gender":"FEMALE","citizenId":"079180001234",
             "status":"OFFICIAL","admittedOn":"2005-05-19","officialOn":"2006-05-19",
             "statusHistory":[{"status":"PROBATIONARY","from":"2005-05-19","to":"2006-05-18"},
                              {"status":"OFFICIAL","from":"2006-05-19","to":null}],
             "affiliations":[{"organizationId":"6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f51","kind":"HOME",
                              "from":"2005-05-19","to":null}]}""";
    static final String LIST_EXAMPLE = """
            {"items":[{"id":"2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d","version":0,
             "organizationId":"6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f51","fullName":"Nguyễn Thị Hoa",
             "dateOfBirth":"1980-05-02","gender":"FEMALE","citizenId":"0791******34","status":"OFFICIAL",
             "admittedOn":"2005-05-19","officialOn":"2006-05-19"}],"page":0,"size":50,"totalItems":1}""";
    static final String CSV_EXAMPLE = """
            organizationId,fullName,dateOfBirth,gender,citizenId,status,admittedOn,officialOn,statusSince
            6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f51,Nguyễn Thị Hoa,1980-05-02,FEMALE,079180001234,OFFICIAL,2005-05-19,2006-05-19,
            6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f51,Trần Văn Nam,1990-01-15,MALE,079190004321,PROBATIONARY,2025-09-02,,
            """;
    static final String TRANSFER_EXAMPLE = """
            {"kind":"TEMPORARY","toOrganizationId":"8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5968","effectiveOn":"2025-09-01",
             "until":"2026-06-30","decision":{"number":"25-GGT/ĐU","date":"2025-08-25","issuer":"Đảng ủy xã Tiến Hưng"}}""";
    static final String IMPORT_ERROR_EXAMPLE = """
            {"type":"https://partydev.vn/problems/import-rejected","title":"Vi phạm quy định","status":422,
             "detail":"Không nhập dòng nào: có 2 lỗi.","instance":"/api/v1/members/import","code":"IMPORT_REJECTED",
             "violations":[{"rule":"TYPE","field":"rows[12].dateOfBirth","message":"Giá trị phải là một ngày dạng \
            YYYY-MM-DD.","messageEn":"The value must be a date as YYYY-MM-DD."},
             {"rule":"DUPLICATE_CITIZEN_ID","field":"rows[40].citizenId","message":"Số căn cước trùng với dòng 3 \
            của tệp.","messageEn":"The citizen id repeats row 3 of the file.","values":{"row":3}}]}""";

    /** {@code POST /api/v1/members}: one existing member. */
    @Schema(name = "NewMember")
    public record MemberRequest(
            @NotNull UUID organizationId,
            @Schema(examples = "Nguyễn Thị Hoa") @NotBlank @Size(max = 255) String fullName,
            @Schema(examples = "1980-05-02") @NotNull LocalDate dateOfBirth,
            @NotNull Gender gender,
            @Schema(examples = "079180001234", description = "số căn cước, 12 chữ số")
            @NotNull @Pattern(regexp = "\\d{12}") String citizenId,
            @NotNull MemberStatus status,
            @Schema(description = "ngày kết nạp (lễ kết nạp)") @NotNull LocalDate admittedOn,
            @Schema(description = "ngày chính thức; required for OFFICIAL and EXEMPT") LocalDate officialOn,
            @Schema(description = "since when the status holds; required for EXEMPT, REMOVED, EXPELLED, LEFT, "
                    + "DECEASED") LocalDate statusSince) {

        NewMember toDomain() {
            return new NewMember(organizationId, fullName, dateOfBirth, gender, citizenId, status, admittedOn,
                    officialOn, statusSince);
        }
    }

    /** {@code POST /api/v1/members/{id}/transfers}. */
    @Schema(name = "Transfer")
    public record TransferRequest(@NotNull TransferKind kind, @NotNull UUID toOrganizationId,
                                  @NotNull LocalDate effectiveOn,
                                  @Schema(description = "required for TEMPORARY: the planned last day hosted")
                                  LocalDate until,
                                  @NotNull @Valid DecisionDto decision) {
    }

    /** {@code POST /api/v1/members/{id}/status-changes}. */
    @Schema(name = "StatusChange")
    public record StatusChangeRequest(@NotNull MemberStatus status, @NotNull LocalDate effectiveOn,
                                      @NotNull @Valid DecisionDto decision) {
    }

    static final String STATUS_CHANGE_EXAMPLE = """
            {"status":"EXEMPT","effectiveOn":"2025-10-01",
             "decision":{"number":"31-NQ/CB","date":"2025-09-25","issuer":"Chi bộ ấp 1"}}""";

    /** {@code POST /api/v1/members/{id}/returns}: back home from a temporary transfer before its end. */
    @Schema(name = "Return")
    public record ReturnRequest(@Schema(examples = "2026-02-01", description = "first day back at home")
                                @NotNull LocalDate returnedOn) {
    }

    /** {@code PATCH /api/v1/members/{id}} (JSON merge patch): the identity from the member's file. */
    @Schema(name = "MemberIdentity", description = "Họ tên, ngày sinh, số căn cước của đảng viên; trường vắng mặt giữ "
            + "nguyên")
    public record IdentityRequest(
            @Schema(examples = "Lò Thị Mai") @Size(min = 1, max = 255) @Pattern(regexp = "(?s).*\\S.*") String fullName,
            @Schema(examples = "1998-03-14") LocalDate dateOfBirth,
            @Schema(examples = "011198004321", description = "số căn cước, 12 chữ số")
            @Pattern(regexp = "\\d{12}") String citizenId) {
    }

    static final String IDENTITY_EXAMPLE = """
            {"fullName":"Lò Thị Mai","dateOfBirth":"1998-03-14","citizenId":"011198004321"}""";

    @Inject
    RecordMemberIdentity identities;

    @Inject
    ChangeMemberStatus statusChanges;

    @Inject
    EndTemporaryTransfer returns;

    @Inject
    RegisterMembers register;

    @Inject
    MemberQueries queries;

    @Inject
    TransferMember transfers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION})
    @Operation(summary = "Enter one existing member (nhập một đảng viên)",
            description = "The member belongs to a chi bộ (CELL or GRASSROOTS_CELL) in the caller's scope. Status "
                    + "intervals follow from the dates: PROBATIONARY from admittedOn, OFFICIAL from officialOn, the "
                    + "final status from statusSince. 201 with Location. 400 malformed or wrong types; 404 when the "
                    + "chi bộ is out of scope; 409 DUPLICATE_CITIZEN_ID when a live member holds the citizen id; 422 "
                    + "with every broken rule (MEMBER_ORGANIZATION_TYPE, AGE_AT_ADMISSION, OFFICIAL_DATE, …).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "official member", value = MEMBER_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Entered", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "member", value = VIEW_EXAMPLE)))
    public Response create(@Valid @NotNull MemberRequest request, @Context UriInfo uri) {
        MemberEntity member = register.registerOne(request.toDomain());
        MemberView view = queries.view(member);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/members/{id}").build(member.id))
                .tag(new EntityTag(Long.toString(view.version()))).entity(view).build();
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION})
    @Operation(summary = "Import existing members from a JSON array (all or nothing)",
            description = "Every row is checked before anything is written. 201 {\"imported\":N}; 422 "
                    + "IMPORT_REJECTED with every problem of every row named rows[i].field (0-based), nothing "
                    + "imported; 400 when the body is not a JSON array. A chi bộ out of the caller's scope is "
                    + "reported as ORGANIZATION_NOT_FOUND on its rows. At most 20,000 rows.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "one row", value = "[" + MEMBER_EXAMPLE + "]")))
    @APIResponse(responseCode = "201", description = "Imported", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "imported",
            value = "{\"imported\":120}")))
    @APIResponse(responseCode = "422", description = "Rejected: nothing imported", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "bad rows",
            value = IMPORT_ERROR_EXAMPLE)))
    public Response importJson(JsonNode body) {
        MemberRows.Parsed parsed = MemberRows.fromJson(body);
        return imported(register.importAll(parsed.rows(), parsed.violations()));
    }

    @POST
    @Path("import")
    @Consumes("text/csv")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.INTEGRATION})
    @Operation(summary = "Import existing members from a CSV file (all or nothing)",
            description = "UTF-8 CSV (a byte-order mark is accepted) with a header row naming the columns "
                    + "organizationId, fullName, dateOfBirth, gender, citizenId, status, admittedOn and optionally "
                    + "officialOn, statusSince. Rows are numbered from 0 after the header. Same answers as the JSON "
                    + "import; 400 CSV_HEADER for a missing or unknown column, MALFORMED_CSV for an unreadable file.")
    @RequestBody(content = @Content(mediaType = "text/csv",
            examples = @ExampleObject(name = "two rows", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Imported", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "imported",
            value = "{\"imported\":2}")))
    public Response importCsv(String body) {
        MemberRows.Parsed parsed = MemberRows.fromCsv(body);
        return imported(register.importAll(parsed.rows(), parsed.violations()));
    }

    private static Response imported(int count) {
        return Response.status(Response.Status.CREATED).entity(Map.of("imported", count)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "Members, paged (citizen ids masked)",
            description = "Members whose home chi bộ today lies in organizationId's subtree (default: the caller's "
                    + "whole scope), with their status today; status filters by it; q matches names without "
                    + "diacritics (\"tien hung\" finds \"Tiến Hưng\"). Sorted by name in Vietnamese order. "
                    + "404 when organizationId is out of scope; 400 for a bad parameter.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page", value = LIST_EXAMPLE)))
    public Page<MemberView> list(@QueryParam("organizationId") String organizationId,
                                 @Parameter(description = "PROBATIONARY, OFFICIAL, EXEMPT, REMOVED, EXPELLED, LEFT, "
                                         + "DECEASED") @QueryParam("status") String status,
                                 @QueryParam("q") String q,
                                 @QueryParam("page") String page, @QueryParam("size") String size,
                                 @Parameter(description = "fullName,asc (default) or fullName,desc")
                                 @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.of(page, size, sort, Set.of("fullName"), "fullName");
        if (q != null && q.length() > 100) {
            throw Params.invalid("q", "SIZE", "dài tối đa 100 ký tự", "must be at most 100 characters");
        }
        return queries.list(QueryParams.uuid("organizationId", organizationId),
                Params.enumValue("status", status, MemberStatus.class, false), q, request);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "One member with status and affiliation history",
            description = "404 when missing or when the member's home chi bộ is outside the caller's scope.")
    @APIResponse(responseCode = "200", description = "The member", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "member", value = VIEW_EXAMPLE)))
    public Response get(@PathParam("id") UUID id) {
        MemberView view = queries.get(id);
        return Response.ok(view).tag(new EntityTag(Long.toString(view.version()))).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Record or correct a member's identity (họ tên, ngày sinh, số căn cước)",
            description = "A member admitted through the pipeline enters the roster from candidate-service's ceremony "
                    + "event without personal data; the organizer attaches it here from the member's file (and "
                    + "corrects an imported member's typing errors). JSON merge patch: absent fields stay. If-Match "
                    + "with the ETag; answers 200 with the member and a new ETag. 400 malformed, a citizen id that is "
                    + "not 12 digits or a blank name; 404 out of scope; 409 DUPLICATE_CITIZEN_ID when another live "
                    + "member holds the citizen id; 412 stale If-Match; 422 NOTHING_TO_CHANGE, DATE_IN_FUTURE, "
                    + "AGE_AT_ADMISSION, BIRTH_YEAR_MISMATCH (the year differs from the admission file's).")
    @RequestBody(content = @Content(mediaType = "application/merge-patch+json",
            examples = @ExampleObject(name = "identity", value = IDENTITY_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "member", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    public Response recordIdentity(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                   @Valid @NotNull IdentityRequest request) {
        MemberEntity member = identities.record(new RecordMemberIdentity.Command(id, request.fullName(),
                request.dateOfBirth(), request.citizenId(), ifMatch));
        MemberView view = queries.view(member);
        return Response.ok(view).tag(new EntityTag(Long.toString(view.version()))).build();
    }

    @POST
    @Path("{id}/transfers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Transfer party activity (chuyển sinh hoạt đảng)",
            description = "OFFICIAL moves the member's home (đảng số) to toOrganizationId from effectiveOn. TEMPORARY "
                    + "hosts the member in toOrganizationId from effectiveOn to until while the home chi bộ keeps "
                    + "them: they do not count in the host's official headcount and are left out of the home's vote "
                    + "denominator while away. Answers 201 with the member. 404 when the member or the receiving "
                    + "chi bộ is out of scope; 412 on a stale If-Match; 422 with every broken rule.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "temporary", value = TRANSFER_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Transferred", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "member", value = VIEW_EXAMPLE)))
    public Response transfer(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                             @Valid @NotNull TransferRequest request, @Context UriInfo uri) {
        MemberEntity member = transfers.transfer(new TransferMember.Command(id, request.kind(),
                request.toOrganizationId(), request.effectiveOn(), request.until(), request.decision().toDomain(),
                ifMatch));
        MemberView view = queries.view(member);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/members/{id}").build(member.id))
                .tag(new EntityTag(Long.toString(view.version()))).entity(view).build();
    }

    @POST
    @Path("{id}/status-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Change a member's status from a date",
            description = "PROBATIONARY → OFFICIAL (recognition of a member entered by import; pipeline members are "
                    + "recognized through candidate-service's events), OFFICIAL ↔ EXEMPT (miễn công tác và sinh hoạt "
                    + "đảng), and any live status → REMOVED, EXPELLED, LEFT or DECEASED. The current status ends the "
                    + "day before effectiveOn; an ended membership also ends any temporary hosting. Answers 201 with "
                    + "the member. 404 out of scope; 412 on a stale If-Match; 422 STATUS_TRANSITION, DATE_ORDER, "
                    + "DATE_IN_FUTURE.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "exempt", value = STATUS_CHANGE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Changed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "member", value = VIEW_EXAMPLE)))
    public Response changeStatus(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                 @Valid @NotNull StatusChangeRequest request, @Context UriInfo uri) {
        MemberEntity member = statusChanges.change(new ChangeMemberStatus.Command(id, request.status(),
                request.effectiveOn(), request.decision().toDomain(), ifMatch));
        MemberView view = queries.view(member);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/members/{id}").build(member.id))
                .tag(new EntityTag(Long.toString(view.version()))).entity(view).build();
    }

    @POST
    @Path("{id}/returns")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "End a temporary transfer early (trở về sinh hoạt tại chi bộ)",
            description = "The member, hosted elsewhere on a temporary transfer on returnedOn, is back home from that "
                    + "day: the hosting ends the day before. Answers 200 with the member. 404 out of scope; 412 on a "
                    + "stale If-Match; 422 NOT_HOSTED or DATE_IN_FUTURE.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "return", value = "{\"returnedOn\":\"2026-02-01\"}")))
    @APIResponse(responseCode = "200", description = "Returned", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "member", value = VIEW_EXAMPLE)))
    public Response returnHome(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                               @Valid @NotNull ReturnRequest request) {
        MemberEntity member = returns.end(id, request.returnedOn(), ifMatch);
        MemberView view = queries.view(member);
        return Response.ok(view).tag(new EntityTag(Long.toString(view.version()))).build();
    }
}
