package vn.partydev.organization.domain;

/** What the unit is, for statistics (api.md): thôn/ấp/khu phố, trường học, cơ quan, doanh nghiệp, … */
public enum OrganizationKind {
    RESIDENTIAL, SCHOOL, AGENCY, STATE_ENTERPRISE, PRIVATE_ENTERPRISE, MILITARY, POLICE, HEALTH, OTHER
}
