package vn.partydev.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the roster holds about some candidates' members — the member row, its status and affiliation
 * intervals, its headcount segments — as comparable lines, with candidate and organization ids replaced by labels,
 * so two twin trees fed the same story (one through the batch path, one event by event) can be compared line by
 * line (in label order). Row ids and timestamps are left out: they differ by construction.
 */
@ApplicationScoped
public class RosterSnapshot {

    @Inject
    EntityManager em;

    @Transactional
    public List<String> of(Map<UUID, String> candidates, Map<UUID, String> organizations) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<UUID, String> candidate : candidates.entrySet().stream()
                .sorted(Map.Entry.comparingByValue()).toList()) {
            @SuppressWarnings("unchecked")
            List<Object[]> member = em.createNativeQuery("SELECT id, version, birth_year, gender, admitted_on, "
                    + "official_on, current_status, source, full_name, citizen_id, date_of_birth FROM member "
                    + "WHERE candidate_id = ?1").setParameter(1, candidate.getKey()).getResultList();
            if (member.isEmpty()) {
                lines.add(candidate.getValue() + ": no member");
                continue;
            }
            Object[] m = member.get(0);
            lines.add(candidate.getValue() + ": version=" + m[1] + " birthYear=" + m[2] + " gender=" + m[3]
                    + " admitted=" + m[4] + " official=" + m[5] + " status=" + m[6] + " source=" + m[7]
                    + " name=" + m[8] + " citizenId=" + m[9] + " dob=" + m[10]);
            UUID id = (UUID) m[0];
            rows(lines, candidate.getValue() + " status ", "SELECT status, valid_from, valid_to, reason FROM member_status "
                    + "WHERE member_id = ?1 ORDER BY valid_from, id", id, organizations);
            rows(lines, candidate.getValue() + " affiliation ", "SELECT organization_id, kind, valid_from, valid_to, reason "
                    + "FROM member_affiliation WHERE member_id = ?1 ORDER BY valid_from, kind, id", id, organizations);
            rows(lines, candidate.getValue() + " segment ", "SELECT organization_id, kind, status, away, valid_from, "
                    + "valid_to FROM headcount_segment WHERE member_id = ?1 ORDER BY valid_from, kind, organization_id",
                    id, organizations);
        }
        return lines;
    }

    private void rows(List<String> lines, String prefix, String sql, UUID member, Map<UUID, String> organizations) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, member).getResultList();
        for (Object[] row : rows) {
            StringBuilder line = new StringBuilder(prefix);
            for (Object value : row) {
                line.append(value instanceof UUID org ? organizations.getOrDefault(org, "?" + org) : value).append(' ');
            }
            lines.add(line.toString().trim());
        }
    }
}
