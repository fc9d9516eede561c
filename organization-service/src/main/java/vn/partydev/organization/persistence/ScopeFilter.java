package vn.partydev.organization.persistence;

import java.util.Map;

/**
 * A SQL condition that keeps only organizations inside the caller's scope, with the parameters it binds.
 * Built by {@code OrganizationScope}, the one place that decides scope.
 */
public record ScopeFilter(String sql, Map<String, Object> parameters) {

    public static ScopeFilter everything() {
        return new ScopeFilter("TRUE", Map.of());
    }

    public static ScopeFilter nothing() {
        return new ScopeFilter("FALSE", Map.of());
    }
}
