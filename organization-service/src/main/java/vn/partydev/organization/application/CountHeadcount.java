package vn.partydev.organization.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.UUID;
import vn.partydev.organization.persistence.OrganizationRepository;
import vn.partydev.organization.persistence.RosterRepository;
import vn.partydev.organization.rest.HeadcountView;
import vn.partydev.organization.security.OrganizationScope;

/**
 * Đảng số of a chi bộ (or of a committee's subtree) on a date, and the denominator of a chi bộ vote
 * (QĐ 294-QĐ/TW §9.3.2): official members less those on temporary transfer elsewhere; exempt members are
 * reported apart, to be added by the caller when present (ADR 0025).
 */
@ApplicationScoped
public class CountHeadcount {

    @Inject
    OrganizationRepository organizations;

    @Inject
    RosterRepository roster;

    @Inject
    OrganizationScope scope;

    @Transactional(Transactional.TxType.SUPPORTS)
    public HeadcountView count(UUID organizationId, LocalDate on) {
        OrganizationRepository.StoredPath path = organizations.storedPathOn(organizationId, on)
                .orElseThrow(() -> OrganizationScope.notFound(organizationId));
        scope.requireVisible(organizationId, on, path.chain());
        RosterRepository.Counts c = roster.headcount(path, on);
        return new HeadcountView(organizationId, on, c.official(), c.probationary(), c.hostedTemporarily(),
                c.exempt(), c.eligibleVoters());
    }
}
