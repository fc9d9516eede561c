package vn.partydev.organization.domain;

/**
 * The kinds of sắp xếp tổ chức (QĐ 294-QĐ/TW; Kết luận 127, 137-KL/TW on the 2025 restructuring): hợp nhất,
 * chia tách, chuyển trực thuộc, đổi tên, nâng cấp/hạ cấp chi bộ cơ sở ↔ đảng bộ cơ sở, giải thể.
 */
public enum ReorganizationKind {
    /** Hợp nhất (sáp nhập) n → 1: a new organization takes over the sources' children; the sources end. */
    MERGE("OrganizationsMerged"),
    /** Chia tách 1 → n: the source's children and members go to the new organizations; the source ends. */
    SPLIT("OrganizationSplit"),
    /** Chuyển trực thuộc: the subtree moves under another parent. */
    MOVE("OrganizationMoved"),
    /** Đổi tên. */
    RENAME("OrganizationRenamed"),
    /** Nâng chi bộ cơ sở thành đảng bộ cơ sở. */
    UPGRADE("OrganizationUpgraded"),
    /** Chuyển đảng bộ cơ sở thành chi bộ cơ sở. */
    DOWNGRADE("OrganizationDowngraded"),
    /** Giải thể. */
    DISSOLVE("OrganizationDissolved");

    private final String eventType;

    ReorganizationKind(String eventType) {
        this.eventType = eventType;
    }

    /** The event published on party.organization.v1 for each node the reorganization touches. */
    public String eventType() {
        return eventType;
    }
}
