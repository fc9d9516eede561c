package vn.partydev.organization.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import vn.partydev.kit.audit.AuditTrail;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.ConcurrentDuplicate;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;
import vn.partydev.kit.rest.IfMatch;
import vn.partydev.organization.domain.MemberRules;
import vn.partydev.organization.domain.SearchText;
import vn.partydev.organization.persistence.MemberEntity;
import vn.partydev.organization.persistence.RosterRepository;

/**
 * Records or corrects a member's identity (họ tên, ngày sinh, số căn cước). A member who joined through the
 * pipeline enters the roster from candidate-service's ceremony event, which by design carries no personal data
 * (ADR 0024): the chi bộ's organizer attaches it here from the member's file, so the roster shows a name and the
 * one-live-member-per-citizen-id rule covers them too (ADR 0118). Imported members' typing errors are corrected
 * the same way. Personal data is neither logged nor put on the bus; the change is audited.
 */
@ApplicationScoped
public class RecordMemberIdentity {

    @Inject
    AuditTrail audit;

    @Inject
    MemberQueries members;

    @Inject
    RosterRepository roster;

    /** Absent fields stay as they are (JSON merge patch). */
    public record Command(UUID memberId, String fullName, LocalDate dateOfBirth, String citizenId, String ifMatch) {
    }

    @Transactional
    public MemberEntity record(Command c) {
        MemberEntity member = members.requireVisible(c.memberId());
        IfMatch.check(c.ifMatch(), member.version);
        String fullName = c.fullName() == null ? null : SearchText.nfc(c.fullName().strip());
        List<Violation> violations = check(member, fullName, c, LocalDate.now());
        if (!violations.isEmpty()) {
            throw ApiException.ruleViolation(violations);
        }
        String citizenId = c.citizenId() == null ? member.citizenId : c.citizenId();
        if (member.currentStatus.isLive() && citizenId != null && !citizenId.equals(member.citizenId)
                && !roster.liveCitizenIds(List.of(citizenId)).isEmpty()) {
            throw RegisterMembers.duplicateCitizenId();
        }
        if (fullName != null) {
            member.fullName = fullName;
            member.nameSearch = SearchText.fold(fullName);
        }
        if (c.dateOfBirth() != null) {
            member.dateOfBirth = c.dateOfBirth();
            member.birthYear = c.dateOfBirth().getYear();
        }
        member.citizenId = citizenId; // the member row itself changes, so its @Version moves by one at the flush
        try {
            MemberEntity.getEntityManager().flush();
        } catch (PersistenceException e) {
            if (ConcurrentDuplicate.isCause(e)) {
                throw RegisterMembers.duplicateCitizenId(); // another request took the citizen id meanwhile
            }
            throw e;
        }
        audit.recordChange(null, "MemberIdentityRecorded", "Member", member.id.toString()); // no event (ADR 0098)
        return member;
    }

    private static List<Violation> check(MemberEntity member, String fullName, Command c, LocalDate today) {
        List<Violation> v = new ArrayList<>();
        boolean changes = (fullName != null && !fullName.equals(member.fullName))
                || (c.dateOfBirth() != null && !c.dateOfBirth().equals(member.dateOfBirth))
                || (c.citizenId() != null && !c.citizenId().equals(member.citizenId));
        if (!changes) {
            v.add(Violation.ofRule("NOTHING_TO_CHANGE", Text.of(
                    "Yêu cầu không thay đổi họ tên, ngày sinh hay số căn cước của đảng viên.",
                    "The request changes neither the name, the date of birth nor the citizen id."),
                    Map.of("memberId", member.id)));
        }
        if (fullName != null && fullName.length() > MemberRules.MAX_NAME) {
            v.add(new Violation("SIZE", "fullName", "Họ tên dài quá " + MemberRules.MAX_NAME + " ký tự.",
                    "The full name is longer than " + MemberRules.MAX_NAME + " characters.", null));
        }
        LocalDate born = c.dateOfBirth();
        if (born != null && born.isAfter(today)) {
            v.add(new Violation("DATE_IN_FUTURE", "dateOfBirth", "Ngày sinh ở tương lai.",
                    "The date of birth is in the future.", Map.of("dateOfBirth", born)));
        }
        MemberRules.ageAtAdmission(born, member.admittedOn, "dateOfBirth").ifPresent(v::add);
        // The ceremony event carried the candidate's birth year from the party file: a different year means the
        // identity being attached is another person's (the candidate's file is corrected in candidate-service).
        if (born != null && member.dateOfBirth == null && member.birthYear != null
                && !Objects.equals(member.birthYear, born.getYear())) {
            v.add(new Violation("BIRTH_YEAR_MISMATCH", "dateOfBirth",
                    "Năm sinh khác với năm sinh trong hồ sơ kết nạp (" + member.birthYear + ").",
                    "The year of birth differs from the admission file's (" + member.birthYear + ").",
                    Map.of("birthYear", member.birthYear, "dateOfBirth", born)));
        }
        return v;
    }
}
