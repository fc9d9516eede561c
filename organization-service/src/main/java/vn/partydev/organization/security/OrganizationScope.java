package vn.partydev.organization.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.security.Caller;
import vn.partydev.organization.persistence.OrganizationRepository;

/**
 * The one place where organization-service decides whether the caller may see or change an organization:
 * the caller's own organization and its subtree, or everything for a national administrator. Out of scope
 * looks exactly like missing (404), so nothing outside the caller's scope is revealed.
 */
@RequestScoped
public class OrganizationScope {

    @Inject
    Caller caller;

    @Inject
    OrganizationRepository organizations;

    public boolean isNational() {
        return caller.isNational();
    }

    /** Whether the caller's organization is the node or one of its ancestors, on {@code date} or today. */
    public boolean sees(UUID organizationId, LocalDate date) {
        if (caller.isNational()) {
            return true;
        }
        Optional<UUID> own = caller.organizationId();
        if (own.isEmpty()) {
            return false;
        }
        return containsOwn(organizationId, date, own.get())
                || (!date.equals(LocalDate.now()) && containsOwn(organizationId, LocalDate.now(), own.get()));
    }

    private boolean containsOwn(UUID organizationId, LocalDate date, UUID own) {
        return organizations.pathOn(organizationId, date).stream().anyMatch(node -> node.id().equals(own));
    }

    /** The root of the caller's subtree; empty for a national administrator (and nothing is seen without one). */
    public Optional<UUID> root() {
        return caller.organizationId();
    }

    /** Whether the organization is the caller's own node (not merely inside its subtree). */
    public boolean isOwnNode(UUID organizationId) {
        return !caller.isNational() && caller.organizationId().map(organizationId::equals).orElse(false);
    }

    /** 404 unless the caller sees the organization. */
    public void requireVisible(UUID organizationId, LocalDate date) {
        if (!sees(organizationId, date)) {
            throw notFound(organizationId);
        }
    }

    public static ApiException notFound(UUID organizationId) {
        return ApiException.notFound(Text.of("Không tìm thấy tổ chức đảng " + organizationId + ".",
                "No party organization " + organizationId + "."));
    }
}
