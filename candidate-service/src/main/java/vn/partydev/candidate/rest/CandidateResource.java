package vn.partydev.candidate.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import vn.partydev.candidate.application.CandidateQueries;
import vn.partydev.candidate.application.CandidateRecords;
import vn.partydev.candidate.application.RegisterCandidate;
import vn.partydev.candidate.application.TakePipelineAction;
import vn.partydev.candidate.domain.Action;
import vn.partydev.candidate.domain.AreaCategory;
import vn.partydev.candidate.domain.Stage;
import vn.partydev.candidate.persistence.CandidateEntity;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;
import vn.partydev.kit.rest.Page;
import vn.partydev.kit.rest.PageRequest;
import vn.partydev.kit.rest.QueryParams;
import vn.partydev.kit.security.Roles;

/** Candidates (người vào Đảng): register, search, read, history, and the pipeline's steps. */
@Path("/api/v1/candidates")
@Tag(name = "Candidates", description = "Người vào Đảng: từ quần chúng ưu tú đến đảng viên chính thức")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class CandidateResource {

    static final String REGISTER_EXAMPLE = """
            {"organizationId":"6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f51","fullName":"Nguyễn Thị Hồng Đào",
             "dateOfBirth":"1998-04-12","gender":"FEMALE","citizenId":"079198001234","ethnicity":"Kinh",
             "religion":"Không","hometown":"Xã Tiến Hưng, tỉnh Đồng Nai","residence":"Ấp 1, xã Tiến Hưng",
             "occupation":"Giáo viên","sector":"PUBLIC_SERVICE","generalEducation":"12/12",
             "professionalEducation":"UNIVERSITY","politicalTheory":"NONE","youthUnionMember":true,
             "areaCategory":"NORMAL","source":"YOUTH_UNION"}""";

    static final String CANDIDATE_EXAMPLE = """
            {"id":"0b7e6f52-1c3d-4e5f-8a9b-0c1d2e3f4a5b","organizationId":"6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f51",
             "fullName":"Nguyễn Thị Hồng Đào","dateOfBirth":"1998-04-12","gender":"FEMALE","citizenId":"079198001234",
             "stage":"PROBATIONARY","stageSince":"2024-06-19","admissionDecisionDate":"2024-05-28",
             "ceremonyDate":"2024-06-19","officialDate":null,"partyAgeFrom":"2024-05-28",
             "deadlines":[{"kind":"CEREMONY","due":"2024-07-10","status":"MET"},
                          {"kind":"RECOGNITION","due":"2025-07-31","status":"OPEN"}],
             "warnings":[],"version":11}""";

    static final String ACTION_EXAMPLE = """
            {"date":"2024-03-05","decision":{"number":"12-NQ/CB","date":"2024-03-05","issuer":"Chi bộ ấp 1"},
             "votes":{"eligible":13,"present":12,"for":10,"against":2},"note":"Họp chi bộ thường kỳ tháng 3"}""";

    static final String OVERRIDE_EXAMPLE = """
            {"rule":"CEREMONY_DEADLINE","reason":"Đảng ủy xã đồng ý lùi lễ kết nạp theo Công văn 45-CV/ĐU",
             "action":"record-ceremony","payload":{"date":"2024-08-20"}}""";

    static final String VIOLATION_EXAMPLE = """
            {"type":"https://partydev.vn/problems/rule-violation","title":"Vi phạm quy định","status":422,
             "code":"RULE_VIOLATION","violations":[{"rule":"CELL_VOTE_THRESHOLD","field":"votes.for",
             "message":"Chỉ 8/13 đảng viên chính thức tán thành; cần ít nhất 9 (2/3).",
             "messageEn":"Only 8 of 13 official members voted for; at least 9 (2/3) are needed.",
             "values":{"for":8,"eligible":13,"required":9}}]}""";

    @Inject
    RegisterCandidate register;

    @Inject
    TakePipelineAction pipeline;

    @Inject
    CandidateQueries queries;

    @Inject
    CandidateRecords records;

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY})
    @Operation(summary = "Register a quần chúng ưu tú (đăng ký người vào Đảng)",
            description = "Registers a candidate in a live chi bộ (CELL or GRASSROOTS_CELL) of the caller's scope, at "
                    + "stage OUTSTANDING_MASS. Names are stored NFC-normalized. 201 with Location; 400 malformed; "
                    + "404 chi bộ unknown or out of scope; 409 a live file for this citizen id exists; 422 not a chi bộ.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "teacher", value = REGISTER_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "candidate", value = CANDIDATE_EXAMPLE)))
    public Response register(@Valid @NotNull RegisterCandidateRequest r, @Context UriInfo uri) {
        CandidateEntity c = register.register(new RegisterCandidate.Command(r.organizationId(), r.fullName(),
                r.dateOfBirth(), r.gender(), r.citizenId(), r.ethnicity(), r.religion(), r.hometown(), r.residence(),
                r.occupation(), r.sector(), r.generalEducation(), r.professionalEducation(), r.politicalTheory(),
                r.youthUnionMember(), r.areaCategory() == null ? AreaCategory.NORMAL : r.areaCategory(),
                Boolean.TRUE.equals(r.villageElder()), r.source()));
        return Response.created(uri.getBaseUriBuilder().path("api/v1/candidates/{id}").build(c.id))
                .tag(new EntityTag(Long.toString(c.version))).entity(view(c, false)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "Search candidates",
            description = "Candidates of the caller's scope, paged. organizationId limits to that subtree; stage to one "
                    + "stage; q matches names with or without diacritics (\"nguyen thi dao\"); overdue=true those with "
                    + "an overdue deadline. citizenId is masked (\"0790******12\"). sort: fullName, dateOfBirth, stage, "
                    + "stageSince, createdAt. An organizationId outside the caller's subtree answers 404.")
    @APIResponse(responseCode = "200", description = "A page of candidates", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page", value = """
            {"items":[{"id":"0b7e6f52-1c3d-4e5f-8a9b-0c1d2e3f4a5b","fullName":"Nguyễn Thị Hồng Đào",
             "citizenId":"0791******34","stage":"SYMPATHIZER","deadlines":[],"warnings":[],"version":1}],
             "page":0,"size":50,"totalItems":1}""")))
    public Page<CandidateView> list(@QueryParam("organizationId") String organizationId,
                                    @Parameter(description = "OUTSTANDING_MASS … OFFICIAL, WITHDRAWN, REJECTED, REMOVED")
                                    @QueryParam("stage") String stage,
                                    @QueryParam("q") String q, @QueryParam("overdue") String overdue,
                                    @QueryParam("page") String page, @QueryParam("size") String size,
                                    @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.of(page, size, sort, CandidateQueries.SORTABLE.keySet(), "fullName");
        Page<CandidateEntity> found = queries.list(new CandidateQueries.Filter(
                QueryParams.uuid("organizationId", organizationId), stage(stage), q, bool("overdue", overdue)),
                request);
        return new Page<>(found.items().stream().map(c -> view(c, true)).toList(), found.page(), found.size(),
                found.totalItems());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "One candidate", description = "The full record with stage, deadlines, warnings, "
            + "admissionDecisionDate, ceremonyDate, officialDate, partyAgeFrom and version (also as ETag). 404 when "
            + "missing or outside the caller's scope.")
    @APIResponse(responseCode = "200", description = "The candidate", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "candidate", value = CANDIDATE_EXAMPLE)))
    public Response get(@PathParam("id") UUID id) {
        CandidateEntity c = queries.get(id);
        return Response.ok(view(c, false)).tag(new EntityTag(Long.toString(c.version))).build();
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "A candidate's history", description = "Every step, oldest first, append-only: action, "
            + "date, actor, decision, votes, evidence, policyVersion (the rule versions used), override, recordedAt.")
    @APIResponse(responseCode = "200", description = "The history", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "history", value = """
            {"items":[{"action":"record-cell-resolution","date":"2024-03-05","actor":"secretary@6f1d…",
             "decision":{"number":"12-NQ/CB","date":"2024-03-05","issuer":"Chi bộ ấp 1"},
             "votes":{"eligible":13,"present":12,"for":10,"against":2},"evidence":{"eligibleVoters":13},
             "policyVersion":{"AGE_WINDOW":"24-QĐ/TW","CELL_VOTE_THRESHOLD":"06-HD/TW"},"override":null,
             "fromStage":"VERIFIED","toStage":"CELL_PROPOSED","recordedAt":"2024-03-06T02:15:00Z"}]}""")))
    public Map<String, Object> history(@PathParam("id") UUID id) {
        return Map.of("items", queries.history(id).stream().map(HistoryView::of).toList());
    }

    @POST
    @Path("{id}/actions/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY})
    @Operation(summary = "Take a pipeline step",
            description = "action: recognize-sympathizer, complete-awareness-course, submit-application, "
                    + "assign-introducers, record-verification, record-cell-resolution, record-grassroots-resolution, "
                    + "record-admission-decision, refuse-admission, record-ceremony, complete-new-member-course, "
                    + "record-recognition-resolution, record-official-recognition, remove-probationary, withdraw, "
                    + "reject, override (admin and organizer only). Answers 200 with the candidate; 422 STAGE_ORDER "
                    + "out of order; 422 RULE_VIOLATION with every violated rule; 412 stale If-Match; 503 when "
                    + "organization-service cannot be reached (nothing is written); 404 unknown action.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "record-cell-resolution", value = ACTION_EXAMPLE),
            @ExampleObject(name = "assign-introducers", value = """
                    {"date":"2024-01-10","introducers":[{"memberId":"5d3f…","coWorkingSince":"2021-09-01"},
                     {"memberId":"8a1b…","coWorkingSince":"2022-02-15"}],"youthUnionCommittee":false}"""),
            @ExampleObject(name = "override", value = OVERRIDE_EXAMPLE)}))
    @APIResponse(responseCode = "200", description = "The updated candidate", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "candidate", value = CANDIDATE_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "Breaks rules", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "vote", value = VIOLATION_EXAMPLE)))
    public RestResponse<byte[]> act(@PathParam("id") UUID id, @PathParam("action") String actionSlug,
                        @Valid @NotNull ActionRequest request,
                        @Parameter(description = "\"<version>\" from the ETag") @HeaderParam("If-Match") String ifMatch) {
        Action action = Action.ofSlug(actionSlug).orElseThrow(() -> unknownAction(actionSlug));
        ActionRequests.requireFields(action, request);
        TakePipelineAction.Step step;
        if (action == Action.OVERRIDE) {
            Action inner = Action.ofSlug(request.action()).filter(a -> a != Action.OVERRIDE).orElseThrow(() ->
                    ApiException.badRequest("UNKNOWN_ACTION", Text.of("Bước '" + request.action() + "' không tồn tại.",
                            "No step '" + request.action() + "'."), List.of(Violation.ofField("ENUM", "action",
                            Text.of("Bước không tồn tại.", "Unknown step.")))));
            ActionRequest body = ActionRequests.innerOf(request, json, validator);
            ActionRequests.requireFields(inner, body);
            step = step(inner, body, request.rule(), request.reason().strip());
        } else {
            step = step(action, request, null, null);
        }
        TakePipelineAction.Taken taken = pipeline.takeStep(id, step, ifMatch);
        CandidateEntity c = taken.candidate();
        return RestResponse.ResponseBuilder.ok(answer(CandidateView.of(c, taken.deadlines(), false)))
                .tag(new EntityTag(Long.toString(c.version))).build();
    }

    /** Serializes the views this resource answers with; built once (ADR 0151). */
    private volatile ObjectWriter viewWriter;

    /**
     * The answer of a step as JSON bytes, written by the application's {@code ObjectMapper} exactly as Quarkus
     * REST would write the {@link CandidateView} (same mapper, same type), but with one prepared writer instead
     * of finding a message-body writer for the entity's runtime type and streaming it on every request; the
     * bytes go out under the method's {@code application/json} (ADR 0151). The method answers a
     * {@code RestResponse<byte[]>}, not a {@code Response}: its entity type is then known when the application
     * starts, so Quarkus REST picks the byte-array writer once instead of looking one up for every answer (ADR 0174).
     */
    private byte[] answer(CandidateView view) {
        ObjectWriter writer = viewWriter;
        if (writer == null) {
            writer = json.writerFor(CandidateView.class);
            viewWriter = writer;
        }
        try {
            return writer.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write candidate " + view.id(), e);
        }
    }

    private TakePipelineAction.Step step(Action action, ActionRequest r, String rule, String reason) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        Map<String, Object> all = json.convertValue(r, Map.class);
        all.forEach((k, v) -> {
            if (v != null && !List.of("date", "decision", "votes", "rule", "reason", "action", "payload").contains(k)) {
                evidence.put(k, v);
            }
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> decision = r.decision() == null ? null : json.convertValue(r.decision(), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> votes = r.votes() == null ? null : json.convertValue(r.votes(), Map.class);
        return new TakePipelineAction.Step(ActionRequests.command(action, r), decision, votes, evidence, rule, reason,
                Boolean.TRUE.equals(r.recordFailedVote()));
    }

    private CandidateView view(CandidateEntity c, boolean masked) {
        return CandidateView.of(c, records.deadlines(c), masked);
    }

    private static ApiException unknownAction(String slug) {
        return new ApiException(404, "UNKNOWN_ACTION", Text.of("Không tìm thấy", "Not found"),
                Text.of("Không có bước '" + slug + "' trong quy trình kết nạp.",
                        "There is no pipeline step '" + slug + "'."), null);
    }

    private static Stage stage(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Stage.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            Text text = Text.of("Tham số 'stage' không hợp lệ: " + value + ".", "Parameter 'stage' is invalid: " + value + ".");
            throw ApiException.badRequest("INVALID_PARAMETER", text, List.of(Violation.ofField("ENUM", "stage", text)));
        }
    }

    static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        Text text = Text.of("Tham số '" + name + "' phải là true hoặc false.", "Parameter '" + name + "' must be true or false.");
        throw ApiException.badRequest("INVALID_PARAMETER", text, List.of(Violation.ofField("TYPE", name, text)));
    }
}
