package vn.partydev.organization.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.partydev.organization.domain.AffiliationKind;
import vn.partydev.organization.domain.MemberStatus;

/** Reads of the roster as it stood on a date: members, their status and affiliation, headcounts over a subtree. */
@ApplicationScoped
public class RosterRepository {

    /**
     * The organization and its descendants on :on: the root's stored path that day, then one index range over the
     * paths below it (ADR 0083).
     */
    private static final String SUBTREE = """
            WITH sub AS (
                SELECT p.organization_id FROM organization_path r JOIN organization_path p
                     ON p.path >= r.path AND p.path < r.path || '~'
                     AND p.valid_from <= :on AND (p.valid_to IS NULL OR p.valid_to >= :on)
                WHERE r.organization_id = :root AND r.valid_from <= :on AND (r.valid_to IS NULL OR r.valid_to >= :on)
            )
            """;

    @Inject
    EntityManager em;

    /** The counts behind a headcount, over the organization's subtree on {@code on}. */
    public record Counts(long official, long probationary, long hostedTemporarily, long exempt, long eligibleVoters) {
    }

    /**
     * ADR 0084: headcount_step holds, per organization, the intervals in which its own counts are constant (the
     * step function of the segments of ADR 0061, maintained by triggers). So this is one index range over the
     * stored paths below the root (ADR 0083) and one covering-index entry per organization of the subtree,
     * whatever the number of members.
     */
    public Counts headcount(OrganizationRepository.StoredPath root, LocalDate on) {
        Object[] row = (Object[]) em.createNativeQuery("""
                SELECT coalesce(sum(h.official), 0), coalesce(sum(h.probationary), 0), coalesce(sum(h.hosted), 0),
                       coalesce(sum(h.exempt), 0), coalesce(sum(h.eligible), 0)
                FROM organization_path p JOIN headcount_step h ON h.organization_id = p.organization_id
                     AND h.valid_from <= :on AND (h.valid_to IS NULL OR h.valid_to >= :on)
                WHERE p.path >= :rootPath AND p.path < :rootPathEnd
                  AND p.valid_from <= :on AND (p.valid_to IS NULL OR p.valid_to >= :on)
                """).setParameter("rootPath", root.path()).setParameter("rootPathEnd", root.pathEnd())
                .setParameter("on", on).getSingleResult();
        return new Counts(n(row[0]), n(row[1]), n(row[2]), n(row[3]), n(row[4]));
    }

    /** The organization ids of the subtree of {@code organizationId} on {@code on}, the node included. */
    @SuppressWarnings("unchecked")
    public List<UUID> subtreeIds(UUID organizationId, LocalDate on) {
        return em.createNativeQuery(SUBTREE + "SELECT organization_id FROM sub")
                .setParameter("root", organizationId).setParameter("on", on).getResultList();
    }

    /** One row of a member list. */
    public record MemberRow(UUID id, long version, UUID organizationId, String fullName, LocalDate dateOfBirth,
                            String gender, String citizenId, String status, LocalDate admittedOn,
                            LocalDate officialOn, UUID candidateId) {
    }

    /**
     * Members whose home on {@code on} is within {@code scopeRoot}'s subtree (every member when null), optionally
     * with a status that day and a folded name fragment; ordered by name in Vietnamese order, then id.
     */
    public List<MemberRow> list(UUID scopeRoot, LocalDate on, MemberStatus status, String nameFragment,
                                boolean ascending, int offset, int limit) {
        String direction = ascending ? "ASC" : "DESC";
        var query = em.createNativeQuery(select(scopeRoot, status, nameFragment, false)
                + " ORDER BY m.full_name COLLATE \"vi-VN-x-icu\" " + direction + " NULLS LAST, m.id " + direction
                + " OFFSET :offset LIMIT :limit");
        bind(query, scopeRoot, on, status, nameFragment);
        query.setParameter("offset", offset).setParameter("limit", limit);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<MemberRow> answer = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            answer.add(new MemberRow((UUID) r[0], n(r[1]), (UUID) r[2], (String) r[3], date(r[4]), (String) r[5],
                    (String) r[6], (String) r[7], date(r[8]), date(r[9]), (UUID) r[10]));
        }
        return answer;
    }

    public long count(UUID scopeRoot, LocalDate on, MemberStatus status, String nameFragment) {
        var query = em.createNativeQuery(select(scopeRoot, status, nameFragment, true));
        bind(query, scopeRoot, on, status, nameFragment);
        return n(query.getSingleResult());
    }

    private static String select(UUID scopeRoot, MemberStatus status, String nameFragment, boolean count) {
        String columns = count ? "count(*)"
                : "m.id, m.version, a.organization_id, m.full_name, m.date_of_birth, m.gender, m.citizen_id, "
                  + "s.status, m.admitted_on, m.official_on, m.candidate_id";
        return (scopeRoot == null ? "" : SUBTREE)
                + "SELECT " + columns + " FROM member m "
                + "JOIN member_affiliation a ON a.member_id = m.id AND a.kind = 'HOME' AND a.valid_from <= :on "
                + "  AND (a.valid_to IS NULL OR a.valid_to >= :on) "
                + "JOIN member_status s ON s.member_id = m.id AND s.valid_from <= :on "
                + "  AND (s.valid_to IS NULL OR s.valid_to >= :on) "
                + "WHERE " + (scopeRoot == null ? "TRUE" : "a.organization_id IN (SELECT organization_id FROM sub)")
                + (status == null ? "" : " AND s.status = :status")
                + (nameFragment == null ? "" : " AND m.name_search LIKE :name");
    }

    private static void bind(jakarta.persistence.Query query, UUID scopeRoot, LocalDate on, MemberStatus status,
                             String nameFragment) {
        if (scopeRoot != null) {
            query.setParameter("root", scopeRoot);
        }
        query.setParameter("on", on);
        if (status != null) {
            query.setParameter("status", status.name());
        }
        if (nameFragment != null) {
            query.setParameter("name", "%" + nameFragment.replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
    }

    /** The member's affiliation of a kind in force on {@code day}. */
    public Optional<MemberAffiliationEntity> affiliationOn(UUID memberId, AffiliationKind kind, LocalDate day) {
        return em.createQuery("FROM MemberAffiliationEntity a WHERE a.memberId = :m AND a.kind = :k "
                        + "AND a.validFrom <= :d AND (a.validTo IS NULL OR a.validTo >= :d) ORDER BY a.validFrom DESC",
                        MemberAffiliationEntity.class)
                .setParameter("m", memberId).setParameter("k", kind).setParameter("d", day)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** The member's latest home (the open one, or the last one if closed). */
    public Optional<MemberAffiliationEntity> latestHome(UUID memberId) {
        return em.createQuery("FROM MemberAffiliationEntity a WHERE a.memberId = :m AND a.kind = :k "
                        + "ORDER BY a.validFrom DESC, a.id DESC", MemberAffiliationEntity.class)
                .setParameter("m", memberId).setParameter("k", AffiliationKind.HOME)
                .setMaxResults(1).getResultStream().findFirst();
    }

    public List<MemberAffiliationEntity> affiliations(UUID memberId) {
        return em.createQuery("FROM MemberAffiliationEntity a WHERE a.memberId = :m ORDER BY a.validFrom, a.id",
                MemberAffiliationEntity.class).setParameter("m", memberId).getResultList();
    }

    public List<MemberStatusEntity> statuses(UUID memberId) {
        return em.createQuery("FROM MemberStatusEntity s WHERE s.memberId = :m ORDER BY s.validFrom, s.id",
                MemberStatusEntity.class).setParameter("m", memberId).getResultList();
    }

    /** The open status row (null validTo), if any. */
    public Optional<MemberStatusEntity> openStatus(UUID memberId) {
        return em.createQuery("FROM MemberStatusEntity s WHERE s.memberId = :m AND s.validTo IS NULL",
                MemberStatusEntity.class).setParameter("m", memberId).setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * Affiliations of a kind at any of {@code organizationIds} still in force on or after {@code from}: the ones a
     * reorganization effective on {@code from} must move.
     */
    public List<MemberAffiliationEntity> affiliationsInForceFrom(Collection<UUID> organizationIds,
                                                                 AffiliationKind kind, LocalDate from) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("FROM MemberAffiliationEntity a WHERE a.organizationId IN :orgs AND a.kind = :k "
                        + "AND (a.validTo IS NULL OR a.validTo >= :d) ORDER BY a.memberId, a.validFrom",
                        MemberAffiliationEntity.class)
                .setParameter("orgs", organizationIds).setParameter("k", kind).setParameter("d", from)
                .getResultList();
    }

    /** Which of these citizen ids a live member already holds. */
    public List<String> liveCitizenIds(Collection<String> citizenIds) {
        if (citizenIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT m.citizenId FROM MemberEntity m WHERE m.citizenId IN :ids AND m.currentStatus IN "
                        + "(vn.partydev.organization.domain.MemberStatus.PROBATIONARY, "
                        + "vn.partydev.organization.domain.MemberStatus.OFFICIAL, "
                        + "vn.partydev.organization.domain.MemberStatus.EXEMPT)", String.class)
                .setParameter("ids", citizenIds).getResultList();
    }

    public Optional<MemberEntity> byCandidate(UUID candidateId) {
        return em.createQuery("FROM MemberEntity m WHERE m.candidateId = :c", MemberEntity.class)
                .setParameter("c", candidateId).getResultStream().findFirst();
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
