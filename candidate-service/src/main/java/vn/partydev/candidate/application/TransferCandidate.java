package vn.partydev.candidate.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partydev.candidate.domain.Decision;
import vn.partydev.candidate.domain.RuleViolation;
import vn.partydev.candidate.messaging.CandidateEvents;
import vn.partydev.candidate.persistence.CandidateEntity;
import vn.partydev.candidate.persistence.CandidateJson;
import vn.partydev.candidate.persistence.HistoryEntity;
import vn.partydev.candidate.persistence.OrganizationReplica;
import vn.partydev.candidate.security.CandidateScope;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;
import vn.partydev.kit.rest.IfMatch;

/**
 * Assigns a live file to another chi bộ by hand, e.g. after a split that named no chi bộ for it (ADR 0033): the
 * caller must reach both the file and the new chi bộ, which must be a live CELL or GRASSROOTS_CELL. The
 * {@code ORGANIZATION_REORGANIZED} warning is cleared; history row {@code transfer}; event CandidateTransferred.
 */
@ApplicationScoped
public class TransferCandidate {

    @Inject
    EntityManager em;

    @Inject
    CandidateScope scope;

    @Inject
    OrganizationReplica replica;

    @Inject
    CandidateEvents events;

    @Transactional
    public CandidateEntity transfer(UUID candidateId, UUID organizationId, LocalDate date, Decision decision,
                                    String ifMatch) {
        CandidateEntity c = em.find(CandidateEntity.class, candidateId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || !scope.sees(c.organizationId)) {
            throw CandidateScope.candidateNotFound(candidateId);
        }
        IfMatch.check(ifMatch, c.version);
        var target = replica.on(organizationId, LocalDate.now());
        if (target.isEmpty() || !scope.sees(organizationId)) {
            throw ApiException.notFound(Text.of("Không tìm thấy chi bộ " + organizationId + ".",
                    "No party cell " + organizationId + "."));
        }
        var node = target.get();
        if (!"ACTIVE".equals(node.status()) || !("CELL".equals(node.type()) || "GRASSROOTS_CELL".equals(node.type()))) {
            throw ApiException.ruleViolation(List.of(new Violation("ORGANIZATION_IS_CELL", "organizationId",
                    "Hồ sơ chỉ chuyển được đến một chi bộ đang hoạt động.", "A file moves only to a live chi bộ.",
                    Map.of("organizationId", organizationId.toString(), "type", node.type()))));
        }
        if (List.of("OFFICIAL", "WITHDRAWN", "REJECTED", "REMOVED").contains(c.stage)) {
            throw ApiException.unprocessable("STAGE_ORDER", Text.of("Hồ sơ đã đóng, không chuyển được.",
                    "The file is closed and cannot move."), List.of(new Violation("STAGE_ORDER", null,
                    "Hồ sơ đã đóng, không chuyển được.", "The file is closed and cannot move.", Map.of("stage", c.stage))));
        }
        if (date.isAfter(LocalDate.now())) {
            throw ApiException.ruleViolation(List.of(new Violation("DATE_IN_FUTURE", "date",
                    "Ngày chuyển không được ở tương lai.", "The transfer date cannot be in the future.",
                    Map.of("date", date.toString()))));
        }
        if (organizationId.equals(c.organizationId)) {
            return c;
        }
        UUID from = c.organizationId;
        c.organizationId = organizationId;
        List<RuleViolation> warnings = CandidateJson.violations(c.warnings);
        warnings.removeIf(w -> "ORGANIZATION_REORGANIZED".equals(w.rule()));
        c.warnings = CandidateJson.write(warnings);
        c.version++;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("fromOrganizationId", from.toString());
        evidence.put("toOrganizationId", organizationId.toString());
        HistoryEntity h = new HistoryEntity();
        h.candidateId = c.id;
        h.action = "transfer";
        h.stepDate = date;
        h.actor = scope.actor();
        h.decision = decision == null ? null : CandidateJson.write(decision);
        h.evidence = CandidateJson.write(evidence);
        h.fromStage = c.stage;
        h.toStage = c.stage;
        h.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        em.persist(h);
        events.publish("CandidateTransferred", "transfer", date, c.stage, c, false, null);
        return c;
    }
}
