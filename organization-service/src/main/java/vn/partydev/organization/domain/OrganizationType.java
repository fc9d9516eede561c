package vn.partydev.organization.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The levels of party organization (api.md, Điều lệ Điều 21–24, QĐ 294-QĐ/TW): which type may sit under
 * which. Members and candidates belong to a {@link #CELL} or a {@link #GRASSROOTS_CELL}.
 */
public enum OrganizationType {
    /** Đảng bộ tỉnh, thành phố trực thuộc Trung ương: a top node. */
    PROVINCIAL,
    /** Đảng bộ cấp trên trực tiếp của cơ sở: since 2025-07 đảng bộ xã/phường/đặc khu, đảng bộ khối, … */
    ABOVE_GRASSROOTS,
    /** Đảng bộ cơ sở. */
    GRASSROOTS_COMMITTEE,
    /** Chi bộ cơ sở: both the grassroots organization and the cell. */
    GRASSROOTS_CELL,
    /** Đảng bộ bộ phận. */
    SUB_COMMITTEE,
    /** Chi bộ trực thuộc. */
    CELL;

    /** Whether this type may stand with no parent. */
    public boolean isTopNode() {
        return this == PROVINCIAL;
    }

    /** The parent types this type may stand under. */
    public Set<OrganizationType> allowedParents() {
        return switch (this) {
            case PROVINCIAL -> EnumSet.noneOf(OrganizationType.class);
            case ABOVE_GRASSROOTS -> EnumSet.of(PROVINCIAL);
            case GRASSROOTS_COMMITTEE, GRASSROOTS_CELL -> EnumSet.of(ABOVE_GRASSROOTS, PROVINCIAL);
            case SUB_COMMITTEE -> EnumSet.of(GRASSROOTS_COMMITTEE);
            case CELL -> EnumSet.of(GRASSROOTS_COMMITTEE, SUB_COMMITTEE);
        };
    }

    public boolean mayStandUnder(OrganizationType parent) {
        return allowedParents().contains(parent);
    }

    /** Members and candidates belong to cells: a chi bộ trực thuộc or a chi bộ cơ sở. */
    public boolean holdsMembers() {
        return this == CELL || this == GRASSROOTS_CELL;
    }
}
