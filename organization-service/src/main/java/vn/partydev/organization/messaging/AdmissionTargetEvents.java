package vn.partydev.organization.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import vn.partydev.kit.outbox.OutboxWriter;
import vn.partydev.organization.domain.Decision;
import vn.partydev.organization.persistence.AdmissionTargetEntity;

/**
 * Writes {@code AdmissionTargetSet} to the outbox in the transaction that set the target. Schema:
 * {@code src/main/resources/events/admission-target.schema.json}. Key: {@code <organizationId>:<year>}, not the bare
 * organization id: the topic is compacted per key, and a target keyed by the organization id would evict the node's
 * own state record (and other years' targets) from the compacted log (ADR 0022).
 */
@ApplicationScoped
public class AdmissionTargetEvents {

    public static final String TARGET_SET = "AdmissionTargetSet";
    public static final String AGGREGATE = "AdmissionTarget";

    @Inject
    OutboxWriter outbox;

    /** The body of AdmissionTargetSet: the whole target of one organization and year. */
    public record AdmissionTargetState(UUID organizationId, int year, int admissions, Decision resolution,
                                       long version) {
    }

    /** The record key of a target: one compacted record per organization and year. */
    public static String key(UUID organizationId, int year) {
        return organizationId + ":" + year;
    }

    public void targetSet(AdmissionTargetEntity target) {
        outbox.append(OrganizationEvents.TOPIC, AGGREGATE, key(target.organizationId, target.year), TARGET_SET,
                new AdmissionTargetState(target.organizationId, target.year, target.admissions, target.resolution(),
                        target.version));
    }
}
