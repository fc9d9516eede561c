package vn.partydev.organization.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.partydev.kit.outbox.OutboxWriter;
import vn.partydev.organization.persistence.OrganizationEntity;
import vn.partydev.organization.persistence.OrganizationVersionEntity;

/** Writes organization events to the outbox, in the transaction of the change they describe. */
@ApplicationScoped
public class OrganizationEvents {

    public static final String TOPIC = "party.organization.v1";
    public static final String AGGREGATE = "Organization";
    public static final String ESTABLISHED = "OrganizationEstablished";

    @Inject
    OutboxWriter outbox;

    public void established(OrganizationEntity organization, OrganizationVersionEntity version) {
        outbox.append(TOPIC, AGGREGATE, organization.id.toString(), ESTABLISHED, state(organization, version));
    }

    static OrganizationState state(OrganizationEntity organization, OrganizationVersionEntity version) {
        return new OrganizationState(organization.id, version.code, version.name, version.type, version.kind,
                version.parentId, version.status, organization.establishedOn, organization.endedOn,
                version.validFrom, version.validTo, version.decision(), organization.version);
    }
}
