package vn.partydev.reporting.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.security.Caller;
import vn.partydev.reporting.projection.Restater;
import vn.partydev.reporting.projection.TreeRestatement;

/**
 * Which organization a report may be about: the caller's own subtree in today's tree (an old, merged node
 * counts under the node it became). Out of scope, or unknown, answers 404: existence is never revealed.
 */
@RequestScoped
public class ReportScope {

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Inject
    Restater restater;

    /**
     * The organization to report on: the one asked for if the caller reaches it, the caller's own when none
     * is asked, the nation for a national administrator who asks for none.
     */
    public UUID resolve(UUID requested) {
        restater.ensureFresh();
        if (caller.isNational()) {
            if (requested == null || requested.equals(TreeRestatement.NATION)) {
                return TreeRestatement.NATION;
            }
            if (!reaches(TreeRestatement.NATION, requested)) {
                throw notFound();
            }
            return requested;
        }
        UUID own = caller.organizationId().orElseThrow(ReportScope::notFound);
        UUID target = requested == null ? own : requested;
        if (!reaches(own, target)) {
            throw notFound();
        }
        return target;
    }

    private boolean reaches(UUID ancestor, UUID node) {
        return !em.createNativeQuery("SELECT 1 FROM org_closure WHERE structure = 'C' AND ancestor_id = ?1 "
                        + "AND descendant_id = ?2 LIMIT 1")
                .setParameter(1, ancestor).setParameter(2, node).getResultList().isEmpty();
    }

    static ApiException notFound() {
        return ApiException.notFound(Text.of("Không tìm thấy tổ chức đảng trong phạm vi của bạn",
                "Organization not found in your scope"));
    }
}
