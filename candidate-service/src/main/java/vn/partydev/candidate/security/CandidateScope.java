package vn.partydev.candidate.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import vn.partydev.candidate.persistence.OrganizationTree;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.security.Caller;
import vn.partydev.kit.security.Roles;

/**
 * The one place where candidate-service decides what the caller may see and do: candidates of chi bộ inside
 * the caller's organization subtree (on the organization replica), everything for a national administrator.
 * Out of scope answers 404, exactly like missing.
 */
@RequestScoped
public class CandidateScope {

    @Inject
    Caller caller;

    @Inject
    OrganizationTree tree;

    public boolean isNational() {
        return caller.isNational();
    }

    /** The root of the caller's subtree; empty for national scope. */
    public Optional<UUID> root() {
        return caller.isNational() ? Optional.empty() : Optional.of(caller.organizationId().orElse(new UUID(0, 0)));
    }

    public boolean sees(UUID organizationId) {
        if (caller.isNational()) {
            return true;
        }
        Optional<UUID> own = caller.organizationId();
        if (own.isEmpty()) {
            return false;
        }
        var path = tree.pathUp(organizationId, LocalDate.now());
        if (path.isEmpty()) {
            // A chi bộ that ended (e.g. split without a successor for its candidates, ADR 0033): its files stay
            // with the committees it stood under on its last day, so that someone can still reach and move them.
            path = tree.lastDay(organizationId).map(day -> tree.pathUp(organizationId, day)).orElse(path);
        }
        return path.stream().anyMatch(node -> node.id().equals(own.get()));
    }

    public void requireVisibleCandidate(UUID candidateId, UUID organizationId) {
        if (!sees(organizationId)) {
            throw candidateNotFound(candidateId);
        }
    }

    /**
     * A list filtered by an organization outside the caller's subtree answers 404, as a read of that organization
     * would (api.md: never reveal what exists outside the scope), rather than an empty page.
     */
    public void requireVisibleFilter(UUID organizationId) {
        if (organizationId != null && !sees(organizationId)) {
            throw organizationNotFound(organizationId);
        }
    }

    /** Override passes a blocked rule: only admin and organizer (api.md "Access"). */
    public void requireOverrideRole() {
        if (!caller.hasRole(Roles.ADMIN) && !caller.hasRole(Roles.ORGANIZER)) {
            throw new ApiException(403, "FORBIDDEN", Text.of("Không có quyền", "Forbidden"),
                    Text.of("Chỉ quản trị viên hoặc cán bộ tổ chức được vượt một quy định.",
                            "Only an admin or organizer may override a rule."), null);
        }
    }

    public String actor() {
        return caller.subject();
    }

    public static ApiException organizationNotFound(UUID id) {
        return ApiException.notFound(Text.of("Không tìm thấy tổ chức đảng " + id + ".", "No party organization " + id
                + "."));
    }

    public static ApiException candidateNotFound(UUID id) {
        return ApiException.notFound(Text.of("Không tìm thấy người vào Đảng " + id + ".", "No candidate " + id + "."));
    }
}
