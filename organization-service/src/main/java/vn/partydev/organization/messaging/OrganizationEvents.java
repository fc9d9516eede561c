package vn.partydev.organization.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import vn.partydev.kit.outbox.OutboxBatchWriter;
import vn.partydev.kit.outbox.OutboxWriter;
import vn.partydev.organization.domain.OrganizationStatus;
import vn.partydev.organization.persistence.OrganizationEntity;
import vn.partydev.organization.persistence.OrganizationVersionEntity;

/** Writes organization events to the outbox, in the transaction of the change they describe. */
@ApplicationScoped
public class OrganizationEvents {

    public static final String TOPIC = "party.organization.v1";
    public static final String AGGREGATE = "Organization";
    public static final String ESTABLISHED = "OrganizationEstablished";
    /** Attributes changed by PATCH (đổi tên, đổi loại hình, đổi mã) with a decision and effective date. */
    public static final String CHANGED = "OrganizationChanged";
    /** A child re-parented because its parent was merged or split. */
    public static final String MOVED = "OrganizationMoved";

    @Inject
    OutboxWriter outbox;

    @Inject
    OutboxBatchWriter batch;

    /** An event to write: its type and the node's state. */
    public record Pending(String type, OrganizationState state) {
    }

    public void established(OrganizationEntity organization, OrganizationVersionEntity version) {
        outbox.append(TOPIC, AGGREGATE, organization.id.toString(), ESTABLISHED, state(organization, version, null));
    }

    public void changed(OrganizationEntity organization, OrganizationVersionEntity version) {
        outbox.append(TOPIC, AGGREGATE, organization.id.toString(), CHANGED, state(organization, version, null));
    }

    /**
     * One event of a reorganization about one node, keyed by the node. {@code version} is the node's version
     * that the reorganization opened, or, for a node it ended, its last version (then status DISSOLVED).
     */
    public void reorganized(String type, OrganizationEntity organization, OrganizationVersionEntity version,
                            OrganizationState.Reorganization reorganization) {
        outbox.append(TOPIC, AGGREGATE, organization.id.toString(), type,
                state(organization, version, reorganization));
    }

    /**
     * Every event of a reorganization with ONE multi-row insert into the outbox, in list order (a merge of 90
     * communes moves ~1,400 nodes: one statement instead of 1,400).
     */
    public void reorganizedAll(List<Pending> pending) {
        batch.appendAll(TOPIC, AGGREGATE, pending.stream().map(p -> new OutboxBatchWriter.Event(
                p.state().organizationId().toString(), p.type(), p.state())).toList());
    }

    public static OrganizationState state(OrganizationEntity organization, OrganizationVersionEntity version,
                                   OrganizationState.Reorganization reorganization) {
        // A node that has ended is DISSOLVED in the event even though its last version row stays ACTIVE:
        // the rows describe each day it lived, the event describes the node's fate.
        OrganizationStatus status = organization.endedOn != null && version.validTo != null
                && !version.validTo.isBefore(organization.endedOn) ? OrganizationStatus.DISSOLVED : version.status;
        return new OrganizationState(organization.id, version.code, version.name, version.type, version.kind,
                version.parentId, status, organization.establishedOn, organization.endedOn,
                version.validFrom, version.validTo, version.decision(), organization.version, reorganization);
    }
}
