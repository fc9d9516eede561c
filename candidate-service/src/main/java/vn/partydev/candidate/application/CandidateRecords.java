package vn.partydev.candidate.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.partydev.candidate.domain.Action;
import vn.partydev.candidate.domain.AreaCategory;
import vn.partydev.candidate.domain.CandidateFacts;
import vn.partydev.candidate.domain.Deadline;
import vn.partydev.candidate.domain.Deadlines;
import vn.partydev.candidate.domain.Pipeline;
import vn.partydev.candidate.domain.Stage;
import vn.partydev.candidate.domain.calendar.WorkingDays;
import vn.partydev.candidate.persistence.CandidateEntity;
import vn.partydev.candidate.persistence.CandidateJson;
import vn.partydev.candidate.persistence.OrganizationTree;

/** Reads a stored candidate as the domain's facts, and keeps its open deadlines up to date. */
@ApplicationScoped
public class CandidateRecords {

    @Inject
    WorkingDays workingDays;

    @Inject
    OrganizationTree tree;

    @Inject
    CandidateConfig config;

    public CandidateFacts facts(CandidateEntity c) {
        return facts(c, true);
    }

    /**
     * The facts for judging {@code action}: whether the chi bộ is a chi bộ cơ sở is looked up on the replica only
     * when the stage order depends on it ({@link Pipeline#needsGrassrootsCell}); for every other step it is false
     * and nothing reads it. This keeps a replica query off the path of most steps.
     */
    public CandidateFacts facts(CandidateEntity c, Action action) {
        return facts(c, Pipeline.needsGrassrootsCell(action, Stage.valueOf(c.stage)));
    }

    /**
     * {@link #facts(CandidateEntity, Action)} with the chi bộ's type already known ({@code grassrootsCell} not
     * null, read before a plain-JDBC step took its lock, ADR 0150), or looked up when needed (null).
     */
    public CandidateFacts facts(CandidateEntity c, Action action, Boolean grassrootsCell) {
        if (grassrootsCell == null) {
            return facts(c, action);
        }
        return factsWith(c, Pipeline.needsGrassrootsCell(action, Stage.valueOf(c.stage)) && grassrootsCell);
    }

    private CandidateFacts facts(CandidateEntity c, boolean withGrassrootsCell) {
        return factsWith(c, withGrassrootsCell && isGrassrootsCell(c.organizationId));
    }

    private CandidateFacts factsWith(CandidateEntity c, boolean grassrootsCell) {
        return new CandidateFacts(Stage.valueOf(c.stage), c.dateOfBirth, c.generalEducation,
                AreaCategory.valueOf(c.areaCategory), c.villageElder, c.youthUnionMember, c.lastStepDate,
                c.certificateDate, CandidateJson.introducers(c.introducers), c.youthUnionCommittee,
                c.verificationResult, c.cellResolutionDate, c.decisionExtended, c.admissionDecisionDate,
                c.ceremonyDate, c.recognitionResolutionDate, grassrootsCell);
    }

    /** Whether the organization is a chi bộ cơ sở today: its own version in force, one primary-key look-up. */
    public boolean isGrassrootsCell(UUID organizationId) {
        return tree.typeOn(organizationId, LocalDate.now()).map("GRASSROOTS_CELL"::equals).orElse(false);
    }

    /** The candidate's deadlines as of today. */
    public List<Deadline> deadlines(CandidateEntity c) {
        return Deadlines.of(factsWithoutTree(c), LocalDate.now(), config.dueSoonWorkingDays(), workingDays);
    }

    /** Stores the open due dates in their columns so that lists of overdue candidates are one SQL query. */
    public void refreshDueDates(CandidateEntity c) {
        store(c, Deadlines.dueDates(factsWithoutTree(c), workingDays));
    }

    /**
     * {@link #refreshDueDates} and {@link #deadlines} in one computation: a step stores the due dates and puts the
     * deadlines in its event and its answer.
     */
    public List<Deadline> refreshDueDatesAndDeadlines(CandidateEntity c) {
        Deadlines.DueDates due = Deadlines.dueDates(factsWithoutTree(c), workingDays);
        store(c, due);
        return Deadlines.of(due, LocalDate.now(), config.dueSoonWorkingDays(), workingDays);
    }

    private static void store(CandidateEntity c, Deadlines.DueDates due) {
        c.decisionDue = due.openDecision();
        c.ceremonyDue = due.openCeremony();
        c.recognitionDue = due.openRecognition();
        c.certificateDue = due.openCertificate();
    }

    private CandidateFacts factsWithoutTree(CandidateEntity c) {
        return new CandidateFacts(Stage.valueOf(c.stage), c.dateOfBirth, c.generalEducation,
                AreaCategory.valueOf(c.areaCategory), c.villageElder, c.youthUnionMember, c.lastStepDate,
                c.certificateDate, List.of(), c.youthUnionCommittee, c.verificationResult, c.cellResolutionDate,
                c.decisionExtended, c.admissionDecisionDate, c.ceremonyDate, c.recognitionResolutionDate, false);
    }
}
