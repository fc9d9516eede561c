package vn.partydev.candidate.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.partydev.candidate.domain.AreaCategory;
import vn.partydev.candidate.domain.CandidateSource;
import vn.partydev.candidate.domain.Gender;
import vn.partydev.candidate.domain.PoliticalTheory;
import vn.partydev.candidate.domain.ProfessionalEducation;
import vn.partydev.candidate.domain.SearchText;
import vn.partydev.candidate.domain.Sector;
import vn.partydev.candidate.domain.Stage;
import vn.partydev.candidate.messaging.CandidateEvents;
import vn.partydev.candidate.persistence.CandidateEntity;
import vn.partydev.candidate.persistence.HistoryEntity;
import vn.partydev.candidate.persistence.OrganizationReplica;
import vn.partydev.candidate.security.CandidateScope;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;

/**
 * Registers a quần chúng ưu tú in a chi bộ that is live today in the organization replica and inside the
 * caller's scope, and announces it (CandidateRegistered). One live file per citizen id.
 */
@ApplicationScoped
public class RegisterCandidate {

    @Inject
    EntityManager em;

    @Inject
    OrganizationReplica replica;

    @Inject
    CandidateScope scope;

    @Inject
    CandidateEvents events;

    @Inject
    CandidateRecords records;

    public record Command(UUID organizationId, String fullName, LocalDate dateOfBirth, Gender gender,
                          String citizenId, String ethnicity, String religion, String hometown, String residence,
                          String occupation, Sector sector, String generalEducation,
                          ProfessionalEducation professionalEducation, PoliticalTheory politicalTheory,
                          boolean youthUnionMember, AreaCategory areaCategory, boolean villageElder,
                          CandidateSource source) {
    }

    /** The message never repeats the citizen id: it is personal data. */
    private static ApiException duplicateCitizen() {
        return ApiException.conflict("DUPLICATE_CITIZEN_ID", Text.of(
                "Đã có hồ sơ người vào Đảng đang xử lý với số căn cước này.",
                "A live candidate file already exists for this citizen id."));
    }

    @Transactional
    public CandidateEntity register(Command command) {
        LocalDate today = LocalDate.now();
        Optional<OrganizationReplica.Node> organization = replica.on(command.organizationId(), today);
        if (organization.isEmpty() || !scope.sees(command.organizationId())) {
            throw ApiException.notFound(Text.of("Không tìm thấy chi bộ " + command.organizationId() + ".",
                    "No party cell " + command.organizationId() + "."));
        }
        OrganizationReplica.Node node = organization.get();
        if (!"ACTIVE".equals(node.status()) || !("CELL".equals(node.type()) || "GRASSROOTS_CELL".equals(node.type()))) {
            throw ApiException.ruleViolation(List.of(Violation.ofRule("ORGANIZATION_IS_CELL", Text.of(
                    "Người vào Đảng phải thuộc một chi bộ đang hoạt động (CELL hoặc GRASSROOTS_CELL); "
                            + node.name() + " là " + node.type() + " (" + node.status() + ").",
                    "A candidate belongs to a live chi bộ (CELL or GRASSROOTS_CELL); the organization is "
                            + node.type() + " (" + node.status() + ")."),
                    Map.of("organizationId", node.id().toString(), "type", node.type(), "status", node.status()))));
        }
        Long live = em.createQuery("SELECT count(c) FROM CandidateEntity c WHERE c.citizenId = ?1 "
                        + "AND c.stage NOT IN ('WITHDRAWN', 'REJECTED', 'REMOVED')", Long.class)
                .setParameter(1, command.citizenId()).getSingleResult();
        if (live > 0) {
            throw duplicateCitizen();
        }

        CandidateEntity c = new CandidateEntity();
        c.id = UUID.randomUUID();
        c.organizationId = command.organizationId();
        c.fullName = SearchText.nfc(command.fullName());
        c.nameSearch = SearchText.fold(c.fullName);
        c.dateOfBirth = command.dateOfBirth();
        c.gender = command.gender().name();
        c.citizenId = command.citizenId();
        c.ethnicity = SearchText.nfc(command.ethnicity());
        c.religion = SearchText.nfc(command.religion());
        c.hometown = SearchText.nfc(command.hometown());
        c.residence = SearchText.nfc(command.residence());
        c.occupation = SearchText.nfc(command.occupation());
        c.sector = command.sector().name();
        c.generalEducation = SearchText.nfc(command.generalEducation());
        c.professionalEducation = command.professionalEducation().name();
        c.politicalTheory = command.politicalTheory().name();
        c.youthUnionMember = command.youthUnionMember();
        c.areaCategory = command.areaCategory().name();
        c.villageElder = command.villageElder();
        c.source = command.source().name();
        c.stage = Stage.OUTSTANDING_MASS.name();
        c.stageSince = today;
        c.lastStepDate = null;
        c.warnings = "[]";
        c.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        c.version = 0;
        records.refreshDueDates(c);
        em.persist(c);
        try {
            em.flush();
        } catch (jakarta.persistence.PersistenceException e) {
            // Two registrations of one citizen at the same moment: the unique index decides, the loser gets 409.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                    throw duplicateCitizen();
                }
            }
            throw e;
        }

        HistoryEntity h = new HistoryEntity();
        h.candidateId = c.id;
        h.action = "register";
        h.stepDate = today;
        h.actor = scope.actor();
        h.toStage = c.stage;
        h.recordedAt = c.createdAt;
        em.persist(h);
        events.publish("CandidateRegistered", "register", today, null, c, false, null);
        return c;
    }
}
