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

    public String subject() {
        return jwt.getSubject() == null ? jwt.getName() : jwt.getSubject();
    }

    public Set<String> roles() {
        return jwt.getGroups() == null ? Set.of() : jwt.getGroups();
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    /** The organization the token names; empty for a national administrator. */
    public Optional<UUID> organizationId() {
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
