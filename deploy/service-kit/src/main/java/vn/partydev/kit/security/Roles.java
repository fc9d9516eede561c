package vn.partydev.kit.security;

/** The roles of api.md "Access". Tokens carry them in the {@code groups} claim. */
public final class Roles {

    /** Everything inside its scope; with no organization claim, national scope. */
    public static final String ADMIN = "admin";
    /** Cán bộ tổ chức of a committee: everything but reorganizing its own node. */
    public static final String ORGANIZER = "organizer";
    /** Bí thư of a chi bộ: candidate actions in its chi bộ. */
    public static final String SECRETARY = "secretary";
    /** Reads and reports. */
    public static final String VIEWER = "viewer";
    /** Another system: reads, imports and exports. */
    public static final String INTEGRATION = "integration";

    /** The claim that names the caller's organization (a UUID). */
    public static final String ORGANIZATION_CLAIM = "organizationId";

    private Roles() {
    }
}
