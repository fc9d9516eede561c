package vn.partydev.candidate.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.partydev.candidate.domain.calendar.WorkingDays;
import vn.partydev.candidate.domain.policy.PolicyCatalog;
import vn.partydev.candidate.domain.policy.PolicyVersion;

/**
 * The time limits of domain-research §2.3 for one candidate, counted in working days: the admission decision
 * (60 + 30 working days after the chi bộ resolution), the ceremony (30 after the decision), the recognition
 * (30 after the 12 months of probation) and the awareness certificate (60 months).
 */
public final class Deadlines {

    private Deadlines() {
    }

    /** The day each open or met deadline falls due. */
    public record DueDates(LocalDate decision, boolean decisionMet, LocalDate ceremony, boolean ceremonyMet,
                           LocalDate recognition, boolean recognitionMet, LocalDate certificate,
                           boolean certificateMet) {

        public LocalDate openDecision() {
            return decisionMet ? null : decision;
        }

        public LocalDate openCeremony() {
            return ceremonyMet ? null : ceremony;
        }

        public LocalDate openRecognition() {
            return recognitionMet ? null : recognition;
        }

        public LocalDate openCertificate() {
            return certificateMet ? null : certificate;
        }
    }

    public static DueDates dueDates(CandidateFacts c, WorkingDays workingDays) {
        boolean live = !c.stage().isEnded();
        LocalDate decision = null;
        if (c.cellResolutionDate() != null) {
            PolicyVersion p = PolicyCatalog.inForce("DECISION_DEADLINE", c.cellResolutionDate());
            int days = p.integer("workingDays") + (c.decisionExtended() ? p.integer("extensionWorkingDays") : 0);
            decision = workingDays.addWorkingDays(c.cellResolutionDate(), days);
        }
        LocalDate ceremony = null;
        if (c.admissionDecisionDate() != null) {
            PolicyVersion p = PolicyCatalog.inForce("CEREMONY_DEADLINE", c.admissionDecisionDate());
            ceremony = workingDays.addWorkingDays(c.admissionDecisionDate(), p.integer("workingDays"));
        }
        LocalDate recognition = null;
        if (c.ceremonyDate() != null) {
            LocalDate probationEnds = c.ceremonyDate().plusMonths(
                    PolicyCatalog.inForce("PROBATION_COMPLETE", c.ceremonyDate()).integer("months"));
            PolicyVersion p = PolicyCatalog.inForce("RECOGNITION_DEADLINE", probationEnds);
            recognition = workingDays.addWorkingDays(probationEnds, p.integer("workingDays"));
        }
        LocalDate certificate = null;
        if (c.certificateDate() != null) {
            certificate = c.certificateDate().plusMonths(
                    PolicyCatalog.inForce("AWARENESS_CERTIFICATE_VALID", c.certificateDate()).integer("validMonths"));
        }
        return new DueDates(decision, c.admissionDecisionDate() != null || !live, ceremony,
                c.ceremonyDate() != null || !live, recognition, c.recognitionResolutionDate() != null || !live,
                certificate, c.cellResolutionDate() != null || !live);
    }

    /** Each deadline with its status today; DUE_SOON within {@code dueSoonWorkingDays} working days. */
    public static List<Deadline> of(CandidateFacts c, LocalDate today, int dueSoonWorkingDays,
                                    WorkingDays workingDays) {
        return of(dueDates(c, workingDays), today, dueSoonWorkingDays, workingDays);
    }

    /** {@link #of(CandidateFacts, LocalDate, int, WorkingDays)} from due dates already computed. */
    public static List<Deadline> of(DueDates d, LocalDate today, int dueSoonWorkingDays, WorkingDays workingDays) {
        LocalDate soon = workingDays.addWorkingDays(today, dueSoonWorkingDays);
        List<Deadline> deadlines = new ArrayList<>();
        add(deadlines, Deadline.Kind.DECISION, d.decision(), d.decisionMet(), today, soon);
        add(deadlines, Deadline.Kind.CEREMONY, d.ceremony(), d.ceremonyMet(), today, soon);
        add(deadlines, Deadline.Kind.RECOGNITION, d.recognition(), d.recognitionMet(), today, soon);
        add(deadlines, Deadline.Kind.CERTIFICATE_EXPIRY, d.certificate(), d.certificateMet(), today, soon);
        return deadlines;
    }

    public static Deadline.Status status(LocalDate due, boolean met, LocalDate today, LocalDate soon) {
        if (met) {
            return Deadline.Status.MET;
        }
        if (today.isAfter(due)) {
            return Deadline.Status.OVERDUE;
        }
        return due.isAfter(soon) ? Deadline.Status.OPEN : Deadline.Status.DUE_SOON;
    }

    private static void add(List<Deadline> list, Deadline.Kind kind, LocalDate due, boolean met, LocalDate today,
                            LocalDate soon) {
        if (due != null) {
            list.add(new Deadline(kind, due, status(due, met, today, soon)));
        }
    }
}
