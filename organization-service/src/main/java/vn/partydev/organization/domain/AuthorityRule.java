package vn.partydev.organization.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Thẩm quyền quyết định kết nạp đảng viên và công nhận đảng viên chính thức (QĐ 29-QĐ/TW §4.3.2, carried into
 * QĐ 24, 232 and 294-QĐ/TW; QĐ 24-QĐ/TW §1.1.2 for applicants over 60), resolved from the tree of the day and
 * the delegations in force, never from a fixed level: the levels changed on 2025-07-01 and will change again.
 * <ol>
 * <li>Over 60: the committee directly under the Central Committee (the province) decides.</li>
 * <li>A grassroots committee (đảng ủy cơ sở) with a delegation (ủy quyền) for the action in force that day
 * decides itself, collectively.</li>
 * <li>Otherwise the standing committee (ban thường vụ) of the committee directly above the grassroots
 * organization (ABOVE_GRASSROOTS) decides;</li>
 * <li>for a grassroots organization directly under the province, the provincial standing body decides.</li>
 * </ol>
 */
public final class AuthorityRule {

    private AuthorityRule() {
    }

    /** One node of the path from the top down to the chi bộ, as it stood that day. */
    public record Node(UUID id, String name, OrganizationType type) {
    }

    /** Who decides, and why (Vietnamese and English). */
    public record Authority(UUID organizationId, String organizationName, DecidingBody body, String basis,
                            String basisEn, UUID delegationId) {
    }

    /** Why no authority can be named: the rule broken and its text. */
    public record Refusal(String rule, String message, String messageEn) {
    }

    /** Either an authority or a refusal. */
    public record Resolution(Authority authority, Refusal refusal) {
        static Resolution of(Authority authority) {
            return new Resolution(authority, null);
        }

        static Resolution refused(String rule, String vi, String en) {
            return new Resolution(null, new Refusal(rule, vi, en));
        }
    }

    /**
     * @param path         the chi bộ and its ancestors, top-down, the chi bộ last
     * @param action       admission or official recognition
     * @param over60       whether the applicant is over 60 (counted in months)
     * @param delegationOf the delegation in force that day for the action, by grassroots committee id
     */
    public static Resolution resolve(List<Node> path, AuthorityAction action, boolean over60,
                                     Function<UUID, Optional<UUID>> delegationOf) {
        if (path.isEmpty()) {
            return Resolution.refused("AUTHORITY_UNRESOLVED", "Không có tổ chức.", "No organization.");
        }
        Node cell = path.get(path.size() - 1);
        if (!cell.type().holdsMembers()) {
            return Resolution.refused("NOT_A_CELL",
                    "Thẩm quyền được xác định cho một chi bộ (CELL hoặc GRASSROOTS_CELL), không cho " + cell.type() + ".",
                    "Authority is resolved for a chi bộ (CELL or GRASSROOTS_CELL), not for " + cell.type() + ".");
        }
        String what = action == AuthorityAction.ADMISSION ? "kết nạp đảng viên" : "công nhận đảng viên chính thức";
        String whatEn = action == AuthorityAction.ADMISSION ? "admission" : "official recognition";

        if (over60) {
            Node province = path.get(0);
            if (province.type() != OrganizationType.PROVINCIAL) {
                return unresolved(cell);
            }
            return Resolution.of(new Authority(province.id(), province.name(), DecidingBody.PROVINCIAL_STANDING_BODY,
                    "Người trên 60 tuổi: cấp ủy trực thuộc Trung ương xem xét, quyết định " + what
                            + " (QĐ 24-QĐ/TW §1.1.2; HD 06-HD/TW).",
                    "Applicant over 60: the committee directly under the Central Committee decides " + whatEn
                            + " (QĐ 24-QĐ/TW §1.1.2; HD 06-HD/TW).", null));
        }

        int grassrootsIndex = -1;
        for (int i = path.size() - 1; i >= 0; i--) {
            OrganizationType type = path.get(i).type();
            if (type == OrganizationType.GRASSROOTS_CELL || type == OrganizationType.GRASSROOTS_COMMITTEE) {
                grassrootsIndex = i;
                break;
            }
        }
        if (grassrootsIndex <= 0) {
            return unresolved(cell);
        }
        Node grassroots = path.get(grassrootsIndex);
        if (grassroots.type() == OrganizationType.GRASSROOTS_COMMITTEE) {
            Optional<UUID> delegation = delegationOf.apply(grassroots.id());
            if (delegation.isPresent()) {
                return Resolution.of(new Authority(grassroots.id(), grassroots.name(), DecidingBody.GRASSROOTS_COMMITTEE,
                        "Đảng ủy cơ sở được ủy quyền " + what + " (QĐ 294-QĐ/TW §4.3; HD 06-HD/TW §3.7a: "
                                + "tập thể đảng ủy quyết định, ≥ 2/3 tổng số cấp ủy viên).",
                        "Grassroots committee delegated to decide " + whatEn + " (QĐ 294-QĐ/TW §4.3; HD 06-HD/TW "
                                + "§3.7a: the whole committee decides, ≥ 2/3 of its members).", delegation.get()));
            }
        }
        Node above = path.get(grassrootsIndex - 1);
        if (above.type() == OrganizationType.ABOVE_GRASSROOTS) {
            return Resolution.of(new Authority(above.id(), above.name(), DecidingBody.STANDING_COMMITTEE,
                    "Ban thường vụ cấp ủy cấp trên trực tiếp của tổ chức cơ sở đảng quyết định " + what
                            + " (QĐ 294-QĐ/TW §4.3).",
                    "The standing committee of the committee directly above the grassroots organization decides "
                            + whatEn + " (QĐ 294-QĐ/TW §4.3).", null));
        }
        if (above.type() == OrganizationType.PROVINCIAL) {
            return Resolution.of(new Authority(above.id(), above.name(), DecidingBody.PROVINCIAL_STANDING_BODY,
                    "Tổ chức cơ sở đảng trực thuộc tỉnh ủy: thường trực cấp ủy cùng các đồng chí ủy viên ban thường "
                            + "vụ là trưởng các ban đảng quyết định " + what + " (QĐ 294-QĐ/TW §4.3).",
                    "Grassroots organization directly under the province: the provincial standing body with the "
                            + "standing members heading the departments decides " + whatEn + " (QĐ 294-QĐ/TW §4.3).",
                    null));
        }
        return unresolved(cell);
    }

    private static Resolution unresolved(Node cell) {
        return Resolution.refused("AUTHORITY_UNRESOLVED",
                "Không xác định được cấp có thẩm quyền cho chi bộ " + cell.name() + " từ cây tổ chức.",
                "No competent body can be resolved from the tree for chi bộ " + cell.name() + ".");
    }
}
