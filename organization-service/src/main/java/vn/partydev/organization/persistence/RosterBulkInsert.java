package vn.partydev.organization.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import vn.partydev.organization.domain.MemberRules;
import vn.partydev.organization.domain.MemberStatus;

/**
 * Writes a whole roster import as three set-based statements (ADR 0092): one {@code INSERT … SELECT FROM unnest(…)}
 * per table (member, member_status, member_affiliation), on the JPA transaction's own connection.
 *
 * <p>Why: through the entities each status and affiliation row is its own INSERT (their ids are identity columns,
 * so Hibernate cannot batch them), and each INSERT fires the statement-level headcount-segment triggers of ADR 0061
 * once for one member. Here the triggers fire once per table for every member of the file, so the segments are
 * computed set-based, by the same SQL function, and stay exactly what the source intervals say.
 */
@ApplicationScoped
public class RosterBulkInsert {

    /** One member to write: the roster's columns, the status timeline and the home chi bộ. */
    public record Row(UUID id, UUID organizationId, String fullName, String nameSearch, LocalDate dateOfBirth,
                      String gender, String citizenId, LocalDate officialOn,
                      List<MemberRules.StatusInterval> timeline) {
    }

    private static final String MEMBERS = """
            INSERT INTO member (id, full_name, name_search, date_of_birth, birth_year, gender, citizen_id, admitted_on,
                                official_on, current_status, source)
            SELECT u.id::uuid, u.full_name, u.name_search, u.dob::date, extract(year FROM u.dob::date)::int, u.gender,
                   u.citizen_id, u.admitted_on::date, u.official_on::date, u.current_status, ?
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                 AS u(id, full_name, name_search, dob, gender, citizen_id, admitted_on, official_on, current_status)
            """;

    private static final String STATUSES = """
            INSERT INTO member_status (member_id, status, valid_from, valid_to, reason)
            SELECT u.member_id::uuid, u.status, u.valid_from::date, u.valid_to::date, ?
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS u(member_id, status, valid_from, valid_to)
            """;

    private static final String HOMES = """
            INSERT INTO member_affiliation (member_id, organization_id, kind, valid_from, reason)
            SELECT u.member_id::uuid, u.organization_id::uuid, 'HOME', u.valid_from::date, ?
            FROM unnest(?::text[], ?::text[], ?::text[]) AS u(member_id, organization_id, valid_from)
            """;

    @Inject
    EntityManager em;

    /** Inserts every row in the current transaction; a unique violation surfaces as the SQLException (23505). */
    public void insert(List<Row> rows, String source) {
        if (rows.isEmpty()) {
            return;
        }
        em.flush(); // anything pending in the session goes first, in order
        em.unwrap(Session.class).doWork(connection -> write(connection, rows, source));
    }

    private static void write(Connection connection, List<Row> rows, String source) throws SQLException {
        int n = rows.size();
        String[] id = new String[n];
        String[] fullName = new String[n];
        String[] nameSearch = new String[n];
        String[] dob = new String[n];
        String[] gender = new String[n];
        String[] citizenId = new String[n];
        String[] admittedOn = new String[n];
        String[] officialOn = new String[n];
        String[] currentStatus = new String[n];
        String[] homeOrganization = new String[n];
        List<String> statusMember = new ArrayList<>();
        List<String> status = new ArrayList<>();
        List<String> statusFrom = new ArrayList<>();
        List<String> statusTo = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            id[i] = r.id().toString();
            fullName[i] = r.fullName();
            nameSearch[i] = r.nameSearch();
            dob[i] = text(r.dateOfBirth());
            gender[i] = r.gender();
            citizenId[i] = r.citizenId();
            admittedOn[i] = r.timeline().get(0).from().toString();
            officialOn[i] = text(r.officialOn());
            MemberStatus last = r.timeline().get(r.timeline().size() - 1).status();
            currentStatus[i] = last.name();
            homeOrganization[i] = r.organizationId().toString();
            for (MemberRules.StatusInterval interval : r.timeline()) {
                statusMember.add(id[i]);
                status.add(interval.status().name());
                statusFrom.add(interval.from().toString());
                statusTo.add(text(interval.to()));
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(MEMBERS)) {
            ps.setString(1, source);
            Object[][] columns = {id, fullName, nameSearch, dob, gender, citizenId, admittedOn, officialOn, currentStatus};
            for (int c = 0; c < columns.length; c++) {
                ps.setArray(c + 2, connection.createArrayOf("text", columns[c]));
            }
            ps.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement(STATUSES)) {
            ps.setString(1, source);
            ps.setArray(2, connection.createArrayOf("text", statusMember.toArray()));
            ps.setArray(3, connection.createArrayOf("text", status.toArray()));
            ps.setArray(4, connection.createArrayOf("text", statusFrom.toArray()));
            ps.setArray(5, connection.createArrayOf("text", statusTo.toArray()));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement(HOMES)) {
            ps.setString(1, source);
            ps.setArray(2, connection.createArrayOf("text", id));
            ps.setArray(3, connection.createArrayOf("text", homeOrganization));
            ps.setArray(4, connection.createArrayOf("text", admittedOn));
            ps.executeUpdate();
        }
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
