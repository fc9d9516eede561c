package vn.partydev.kit.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, taken from the verified JWT: subject, roles and organization. Each service's scope check
 * (its {@code OrganizationScope}) reads the caller from here and nowhere else.
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken jwt;

    /*
     * The token does not change during a request: its groups (a new set from the JSON claim on each call) and its
     * organization claim (parsed on each call) are read once per request. A scope check asks for them several
     * times per request (isNational, hasRole, organizationId, the audit row's actor).
     */
    private Set<String> roles;
    private Optional<UUID> organizationId;

    public String subject() {
        return jwt.getSubject() == null ? jwt.getName() : jwt.getSubject();
    }

    public Set<String> roles() {
        Set<String> known = roles;
        if (known == null) {
            Set<String> groups = jwt.getGroups();
            known = groups == null ? Set.of() : Set.copyOf(groups);
            roles = known;
        }
        return known;
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    /** The organization the token names; empty for a national administrator. */
    public Optional<UUID> organizationId() {
        Optional<UUID> known = organizationId;
        if (known == null) {
            known = readOrganizationId();
            organizationId = known;
        }
        return known;
    }

    private Optional<UUID> readOrganizationId() {
        Object claim = jwt.getClaim(Roles.ORGANIZATION_CLAIM);
        if (claim == null) {
            return Optional.empty();
        }
        String text = claim.toString().replace("\"", "").trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAUuid) {
            // A claim we cannot read grants nothing: treat it as an organization that does not exist.
            return Optional.of(new UUID(0, 0));
        }
    }

    /** An admin whose token names no organization sees the whole country. */
    public boolean isNational() {
        return hasRole(Roles.ADMIN) && organizationId().isEmpty();
    }
}
