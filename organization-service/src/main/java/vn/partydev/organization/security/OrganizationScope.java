package vn.partydev.organization.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.security.Caller;
import vn.partydev.organization.persistence.OrganizationRepository;
import vn.partydev.organization.persistence.ScopeFilter;

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

    /**
     * {@link #sees} when the node's path on {@code date} has just been read (a tree read needs it anyway): no
     * second read for that day.
     */
    public boolean sees(UUID organizationId, LocalDate date, java.util.List<UUID> chainOnDate) {
        if (caller.isNational()) {
            return true;
        }
        Optional<UUID> own = caller.organizationId();
        if (own.isEmpty()) {
            return false;
        }
        return chainOnDate.contains(own.get())
                || (!date.equals(LocalDate.now()) && containsOwn(organizationId, LocalDate.now(), own.get()));
    }

    /**
     * 404 unless the caller sees the organization, whose chain on {@code date} (its ancestors top-down and itself,
     * from the stored path) is given.
     */
    public void requireVisible(UUID organizationId, LocalDate date, java.util.List<UUID> chainOnDate) {
        if (!sees(organizationId, date, chainOnDate)) {
            throw notFound(organizationId);
        }
    }

    private boolean containsOwn(UUID organizationId, LocalDate date, UUID own) {
        // The stored path (ADR 0083): one index read instead of a walk up the tree.
        return organizations.storedPathOn(organizationId, date).map(path -> path.contains(own)).orElse(false);
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

    /** 404 unless the caller sees the organization on its last day (or today, if it still exists). */
    public void requireVisibleEver(UUID organizationId) {
        LocalDate last = organizations.latestVersion(organizationId).map(v -> v.validTo).orElse(null);
        requireVisible(organizationId, last == null || last.isAfter(LocalDate.now()) ? LocalDate.now() : last);
    }

    /**
     * The SQL form of {@link #sees}: keeps rows whose {@code idColumn} lies in the subtree of the caller's
     * organization on {@code date} or today, so lists leave out what the caller may not see (and count only
     * what they may).
     */
    public ScopeFilter listFilter(String idColumn, LocalDate date) {
        if (caller.isNational()) {
            return ScopeFilter.everything();
        }
        Optional<UUID> own = caller.organizationId();
        if (own.isEmpty()) {
            return ScopeFilter.nothing();
        }
        LocalDate today = LocalDate.now();
        if (date.equals(today)) {
            // One walk is enough when the day asked is today.
            return new ScopeFilter(idColumn + " IN (" + subtreeOf(":scopeDay") + ")",
                    Map.of("scopeRoot", own.get(), "scopeDay", date));
        }
        String sql = "(" + idColumn + " IN (" + subtreeOf(":scopeDay") + ") OR " + idColumn + " IN ("
                + subtreeOf(":scopeToday") + "))";
        return new ScopeFilter(sql, Map.of("scopeRoot", own.get(), "scopeDay", date, "scopeToday", today));
    }

    private static String subtreeOf(String day) {
        // The stored paths (ADR 0083): the root's path that day, then one index range over the paths below it.
        return "SELECT sp.organization_id FROM organization_path sr JOIN organization_path sp ON sp.path >= sr.path "
                + "AND sp.path < sr.path || '~' AND sp.valid_from <= " + day + " AND (sp.valid_to IS NULL OR "
                + "sp.valid_to >= " + day + ") WHERE sr.organization_id = :scopeRoot AND sr.valid_from <= " + day
                + " AND (sr.valid_to IS NULL OR sr.valid_to >= " + day + ")";
    }

    /** 403 for an organizer reorganizing its own organization: only what lies strictly below it. */
    public boolean isOwnOrganization(UUID organizationId) {
        return caller.organizationId().map(organizationId::equals).orElse(false);
    }

    public static ApiException notFound(UUID organizationId) {
        return ApiException.notFound(Text.of("Không tìm thấy tổ chức đảng " + organizationId + ".",
                "No party organization " + organizationId + "."));
    }
}
