package vn.partydev.kit.idempotency;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Documents {@code Idempotency-Key} on every POST under {@code /api} in the service's OpenAPI document, with the
 * answers a retry can get ({@link IdempotencyFilter}; ADRs 0076, 0177). The filter applies to every POST, so the
 * document says so once here rather than on each resource method. Registered with {@code mp.openapi.filter}.
 */
public class IdempotencyKeyDocumentation implements OASFilter {

    static final String DESCRIPTION = "Optional. Repeat a POST with the same key and the same body (for example after a "
            + "timeout) to get the first answer again, marked `Idempotent-Replayed: true`, without the request being "
            + "carried out twice. Keys are per caller, at most 200 characters (else 400 `INVALID_IDEMPOTENCY_KEY`). "
            + "`409 IDEMPOTENCY_IN_PROGRESS`: the first request is still running, retry shortly. "
            + "`409 IDEMPOTENCY_ANSWER_LOST`: the first request was carried out but its answer could not be kept (the "
            + "service or its database went down in between); it is not carried out again, and `changes` lists what it "
            + "did (`eventType`, `aggregateType`, `aggregateId`, `recordedAt`), e.g. the id of what it created. "
            + "`422 IDEMPOTENCY_KEY_REUSED`: the key was used for a different request. A 5xx is not remembered: retry "
            + "with the same key.";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            Operation post = path.getValue().getPOST();
            if (path.getKey().startsWith("/api/") && post != null && !declaresKey(post)) {
                post.addParameter(OASFactory.createParameter().name(IdempotencyFilter.HEADER).in(Parameter.In.HEADER)
                        .required(false).description(DESCRIPTION).example("4f1c2a9e-7b1d-4c55-9f0e-2d6a8b3c1e07")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                                .maxLength(200)));
            }
        }
    }

    private static boolean declaresKey(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> IdempotencyFilter.HEADER.equalsIgnoreCase(p.getName()) && p.getIn() == Parameter.In.HEADER);
    }
}
