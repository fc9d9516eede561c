package vn.partydev.candidate.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import vn.partydev.candidate.application.training.CreateTrainingClass;
import vn.partydev.candidate.application.training.EnrollTrainees;
import vn.partydev.candidate.application.training.RecordTrainingCompletions;
import vn.partydev.candidate.application.training.TrainingClassQueries;
import vn.partydev.candidate.domain.Decision;
import vn.partydev.candidate.domain.TrainingKind;
import vn.partydev.candidate.persistence.TrainingClassEntity;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;
import vn.partydev.kit.rest.Page;
import vn.partydev.kit.rest.PageRequest;
import vn.partydev.kit.rest.QueryParams;
import vn.partydev.kit.security.Roles;

/**
 * Training classes (lớp bồi dưỡng nhận thức về Đảng, lớp đảng viên mới): open a class, enrol trainees, record who
 * completed it (which issues each trainee's certificate through the admission pipeline).
 */
@Path("/api/v1/training-classes")
@Tag(name = "Training classes", description = "Lớp bồi dưỡng nhận thức về Đảng và lớp đảng viên mới")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class TrainingClassResource {

    static final String CREATE_EXAMPLE = """
            {"kind":"AWARENESS","organizationId":"6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f50",
             "name":"Lớp bồi dưỡng nhận thức về Đảng khóa 1 năm 2024","startDate":"2024-04-01","endDate":"2024-04-05",
             "issuer":"Trung tâm Chính trị thành phố Đồng Xoài",
             "decision":{"number":"15-QĐ/TTCT","date":"2024-03-20","issuer":"Trung tâm Chính trị thành phố Đồng Xoài"}}""";

    static final String CLASS_EXAMPLE = """
            {"id":"5c4b3a29-1807-4f6e-9d5c-4b3a29180716","organizationId":"6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f50",
             "kind":"AWARENESS","name":"Lớp bồi dưỡng nhận thức về Đảng khóa 1 năm 2024","startDate":"2024-04-01",
             "endDate":"2024-04-05","issuer":"Trung tâm Chính trị thành phố Đồng Xoài",
             "decision":{"number":"15-QĐ/TTCT","date":"2024-03-20","issuer":"Trung tâm Chính trị thành phố Đồng Xoài"},
             "enrolled":1,"completed":1,
             "enrollments":[{"candidateId":"0b7e6f52-1c3d-4e5f-8a9b-0c1d2e3f4a5b","fullName":"Nguyễn Thị Hồng Đào",
               "organizationId":"6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f51","stage":"TRAINED",
               "enrolledAt":"2024-03-25T02:00:00Z","completed":true,"certificateNumber":"CN-NTVĐ 123/2024",
               "certificateDate":"2024-04-05"}],"version":2}""";

    static final String ENROLL_EXAMPLE = """
            {"candidateIds":["0b7e6f52-1c3d-4e5f-8a9b-0c1d2e3f4a5b","1c8f7a63-2d4e-4f60-9bac-1d2e3f4a5b6c"]}""";

    static final String COMPLETE_EXAMPLE = """
            {"completions":[{"candidateId":"0b7e6f52-1c3d-4e5f-8a9b-0c1d2e3f4a5b",
              "certificateNumber":"CN-NTVĐ 123/2024","certificateDate":"2024-04-05"}]}""";

    static final String COMPLETE_REFUSED_EXAMPLE = """
            {"type":"https://partydev.vn/problems/rule-violation","title":"Vi phạm quy định","status":422,
             "code":"RULE_VIOLATION","violations":[{"rule":"DATE_IN_FUTURE","field":"completions[1].date",
             "message":"Ngày của bước không được ở tương lai.","messageEn":"The step's date cannot be in the future.",
             "values":{"candidateId":"1c8f7a63-2d4e-4f60-9bac-1d2e3f4a5b6c"}}]}""";

    @Inject
    CreateTrainingClass create;

    @Inject
    EnrollTrainees enroll;

    @Inject
    RecordTrainingCompletions completions;

    @Inject
    TrainingClassQueries queries;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Open a training class (mở lớp bồi dưỡng)",
            description = "A class of the organizing committee (in the caller's scope): AWARENESS = lớp bồi dưỡng nhận "
                    + "thức về Đảng, NEW_MEMBER = lớp đảng viên mới. 201 with Location; 400 malformed; 404 organization "
                    + "unknown or out of scope; 409 same organization, kind, name and start date; 422 dates out of order. "
                    + "Publishes TrainingClassCreated.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "awareness", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Opened", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "class", value = CLASS_EXAMPLE)))
    public Response create(@Valid @NotNull TrainingClassRequests.Create request, @Context UriInfo uri) {
        TrainingClassRequests.Create r = request;
        Decision decision = r.decision() == null ? null
                : new Decision(r.decision().number(), r.decision().date(), r.decision().issuer());
        TrainingClassEntity c = create.create(new CreateTrainingClass.Command(r.kind(), r.organizationId(), r.name(),
                r.startDate(), r.endDate(), r.issuer(), decision));
        return Response.created(uri.getBaseUriBuilder().path("api/v1/training-classes/{id}").build(c.id))
                .tag(new EntityTag(Long.toString(c.version))).entity(TrainingClassView.of(queries.get(c.id))).build();
    }

    @POST
    @Path("{id}/enrollments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Enrol trainees (ghi danh học viên)",
            description = "Enrols candidates of the caller's scope in the class, all or none: AWARENESS takes cảm tình "
                    + "Đảng (SYMPATHIZER), NEW_MEMBER takes đảng viên dự bị (PROBATIONARY), and each must belong to the "
                    + "organizing committee's subtree. 200 with the class; 404 class or a candidate unknown or out of "
                    + "scope; 409 already enrolled; 422 every refusal at once (field candidateIds[i]). Publishes "
                    + "TraineesEnrolled.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "two", value = ENROLL_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The class with its trainees", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "class", value = CLASS_EXAMPLE)))
    public Response enroll(@PathParam("id") UUID id, @Valid @NotNull TrainingClassRequests.Enroll request) {
        TrainingClassRequests.Enroll r = request;
        requireDistinct(r.candidateIds(), "candidateIds");
        enroll.enroll(id, r.candidateIds());
        return read(id);
    }

    @POST
    @Path("{id}/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER})
    @Operation(summary = "Record completions (cấp giấy chứng nhận)",
            description = "Each completion issues the trainee's certificate by taking the pipeline step "
                    + "complete-awareness-course or complete-new-member-course (dated on the certificate, with the "
                    + "trainingClassId), under the same rules as a single step. All or none: 422 lists every trainee's "
                    + "violations (field completions[i]…); 404 class or candidate unknown or out of scope; 409 completion "
                    + "already recorded. Publishes TrainingCompletionsRecorded and each trainee's candidate event.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "one", value = COMPLETE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The class with its trainees", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "class", value = CLASS_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "A trainee breaks a rule: nothing recorded", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(name = "refused", value = COMPLETE_REFUSED_EXAMPLE)))
    public Response complete(@PathParam("id") UUID id, @Valid @NotNull TrainingClassRequests.Complete request) {
        TrainingClassRequests.Complete r = request;
        requireDistinct(r.completions().stream().map(TrainingClassRequests.CompletionDto::candidateId).toList(),
                "completions");
        completions.record(id, r.completions().stream().map(c -> new RecordTrainingCompletions.Completion(
                c.candidateId(), c.certificateNumber(), c.certificateDate())).toList());
        return read(id);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "List training classes",
            description = "Classes whose organizing committee is in the caller's scope, paged, newest first. "
                    + "organizationId limits to that subtree, kind to AWARENESS or NEW_MEMBER, year to classes starting "
                    + "that year. sort: startDate, name, createdAt. An organizationId outside the caller's subtree "
                    + "answers 404.")
    @APIResponse(responseCode = "200", description = "A page of classes", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page", value = """
            {"items":[{"id":"5c4b3a29-1807-4f6e-9d5c-4b3a29180716","organizationId":"6f1d8e2a-3b4c-4d5e-8f9a-0b1c2d3e4f50",
             "kind":"AWARENESS","name":"Lớp bồi dưỡng nhận thức về Đảng khóa 1 năm 2024","startDate":"2024-04-01",
             "endDate":"2024-04-05","issuer":"Trung tâm Chính trị thành phố Đồng Xoài","enrolled":42,"completed":40,
             "version":2}],"page":0,"size":50,"totalItems":1}""")))
    public Page<TrainingClassView> list(@QueryParam("organizationId") String organizationId,
                                        @Parameter(description = "AWARENESS or NEW_MEMBER") @QueryParam("kind") String kind,
                                        @QueryParam("year") String year, @QueryParam("page") String page,
                                        @QueryParam("size") String size,
                                        @Parameter(description = "startDate|name|createdAt[,asc|desc]")
                                        @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.of(page, size, sort == null || sort.isBlank() ? "startDate,desc" : sort,
                TrainingClassQueries.SORTABLE.keySet(), "startDate");
        Page<TrainingClassEntity> found = queries.list(new TrainingClassQueries.Filter(
                QueryParams.uuid("organizationId", organizationId), kind(kind), year(year)), request);
        Map<UUID, int[]> counts = queries.counts(found.items().stream().map(c -> c.id).toList());
        return new Page<>(found.items().stream().map(c -> {
            int[] n = counts.getOrDefault(c.id, new int[2]);
            return TrainingClassView.summary(c, n[0], n[1]);
        }).toList(), found.page(), found.size(), found.totalItems());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ORGANIZER, Roles.SECRETARY, Roles.VIEWER, Roles.INTEGRATION})
    @Operation(summary = "One training class", description = "The class with its enrollments (trainee, current stage, "
            + "certificate once completed). 404 when missing or outside the caller's scope.")
    @APIResponse(responseCode = "200", description = "The class", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "class", value = CLASS_EXAMPLE)))
    public Response get(@PathParam("id") UUID id) {
        return read(id);
    }

    private Response read(UUID id) {
        TrainingClassView view = TrainingClassView.of(queries.get(id));
        return Response.ok(view).tag(new EntityTag(Long.toString(view.version()))).build();
    }

    private static void requireDistinct(List<UUID> ids, String field) {
        for (int i = 0; i < ids.size(); i++) {
            if (ids.indexOf(ids.get(i)) != i) {
                Text text = Text.of("Người " + ids.get(i) + " có mặt hai lần.", "Candidate " + ids.get(i) + " appears twice.");
                throw ApiException.badRequest("VALIDATION_FAILED", text,
                        List.of(Violation.ofField("DUPLICATE", field + "[" + i + "]", text)));
            }
        }
    }

    private static TrainingKind kind(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TrainingKind.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw invalid("kind", "AWARENESS hoặc NEW_MEMBER", "AWARENESS or NEW_MEMBER", value);
        }
    }

    private static Integer year(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int year = Integer.parseInt(value.strip());
            if (year >= 1930 && year <= 2100) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid("year", "một năm từ 1930 đến 2100", "a year from 1930 to 2100", value);
    }

    private static ApiException invalid(String name, String vi, String en, String value) {
        Text text = Text.of("Tham số '" + name + "' phải là " + vi + " (nhận được: " + value + ").",
                "Parameter '" + name + "' must be " + en + " (got: " + value + ").");
        return ApiException.badRequest("INVALID_PARAMETER", text, List.of(Violation.ofField("TYPE", name, text)));
    }
}
