package vn.partydev.organization.domain;

/** Whether an organization is in force on a date, or was ended (dissolved, merged into another). */
public enum OrganizationStatus {
    ACTIVE, DISSOLVED
}
