package vn.partydev.organization.application;

import vn.partydev.kit.audit.AuditTrail;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.ConcurrentDuplicate;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;
import vn.partydev.organization.domain.MemberRules;
import vn.partydev.organization.domain.NewMember;
import vn.partydev.organization.domain.SearchText;
import vn.partydev.organization.persistence.MemberEntity;
import vn.partydev.organization.persistence.OrganizationRepository;
import vn.partydev.organization.persistence.OrganizationVersionEntity;
import vn.partydev.organization.persistence.RosterBulkInsert;
import vn.partydev.organization.persistence.RosterRepository;
import vn.partydev.organization.security.OrganizationScope;

/**
 * Enters existing party members into the roster, one (POST /members) or many (import): all or nothing, every
 * broken rule of every row reported at once, citizen ids unique among live members.
 */
@ApplicationScoped
public class RegisterMembers {

    public static final int MAX_IMPORT_ROWS = 20_000;

    @Inject
    AuditTrail audit;

    @Inject
    OrganizationRepository organizations;

    @Inject
    OrganizationScope scope;

    @Inject
    RosterRepository roster;

    @Inject
    RosterWrites writes;

    @Inject
    RosterBulkInsert bulkInsert;

    /** One member: an organization out of scope is 404, a duplicate live citizen id 409. */
    @Transactional
    public MemberEntity registerOne(NewMember member) {
        LocalDate today = LocalDate.now();
        List<Violation> violations = new ArrayList<>(MemberRules.check(member, "", today));
        if (member.organizationId() != null) {
            if (!scope.sees(member.organizationId(), today)
                    || organizations.versionOn(member.organizationId(), today).isEmpty()) {
                throw OrganizationScope.notFound(member.organizationId());
            }
            organizationRule(member.organizationId(), "", today).ifPresent(violations::add);
        }
        if (!violations.isEmpty()) {
            throw ApiException.ruleViolation(violations);
        }
        if (member.status().isLive() && !roster.liveCitizenIds(List.of(member.citizenId())).isEmpty()) {
            throw duplicateCitizenId();
        }
        MemberEntity created = create(member, "API");
        flush();
        // The roster publishes no event, so the audit row is written here (ADR 0098).
        audit.recordChange(null, "MemberRegistered", "Member", created.id.toString());
        return created;
    }

    /** Many members, all or nothing: 422 with every bad row named {@code rows[i].field}. */
    @Transactional
    @TransactionConfiguration(timeout = 600) // a 20,000-row file is one transaction

    public int importAll(List<NewMember> rows, List<Violation> parseViolations) {
        LocalDate today = LocalDate.now();
        List<Violation> violations = new ArrayList<>(parseViolations);
        Map<UUID, java.util.Optional<Violation>> organizationChecks = new HashMap<>();
        Map<String, Integer> firstRowOfCitizenId = new HashMap<>();
        Set<String> liveIds = new HashSet<>();
        Set<String> unreadable = new HashSet<>();
        parseViolations.forEach(v -> unreadable.add(v.field()));
        for (int i = 0; i < rows.size(); i++) {
            NewMember row = rows.get(i);
            if (row == null) {
                continue; // its parse violations are already listed
            }
            String prefix = "rows[" + i + "].";
            // A value that could not be read is reported once, as unreadable, not again as missing.
            MemberRules.check(row, prefix, today).stream()
                    .filter(v -> !(v.rule().equals("REQUIRED") && unreadable.contains(v.field())))
                    .forEach(violations::add);
            if (row.organizationId() != null) {
                java.util.Optional<Violation> check = organizationChecks.computeIfAbsent(row.organizationId(),
                        id -> organizationCheck(id, today));
                check.ifPresent(v -> violations.add(new Violation(v.rule(), prefix + "organizationId", v.message(),
                        v.messageEn(), v.values())));
            }
            if (row.citizenId() != null && row.status() != null && row.status().isLive()) {
                Integer first = firstRowOfCitizenId.putIfAbsent(row.citizenId(), i);
                if (first != null) {
                    violations.add(new Violation("DUPLICATE_CITIZEN_ID", prefix + "citizenId",
                            "Số căn cước trùng với dòng " + first + " của tệp.",
                            "The citizen id repeats row " + first + " of the file.", Map.of("row", first)));
                }
                liveIds.add(row.citizenId());
            }
        }
        Set<String> taken = new HashSet<>(roster.liveCitizenIds(liveIds));
        for (int i = 0; i < rows.size(); i++) {
            NewMember row = rows.get(i);
            if (row != null && row.citizenId() != null && taken.contains(row.citizenId()) && row.status() != null
                    && row.status().isLive()) {
                violations.add(new Violation("DUPLICATE_CITIZEN_ID", "rows[" + i + "].citizenId",
                        "Số căn cước đã thuộc một đảng viên đang sinh hoạt.",
                        "The citizen id already belongs to a live member.", null));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiException.unprocessable("IMPORT_REJECTED", Text.of(
                    "Không nhập dòng nào: có " + violations.size() + " lỗi.",
                    "Nothing was imported: " + violations.size() + " problem(s) found."), sorted(violations));
        }
        // Set-based (ADR 0092): three INSERT … unnest statements, so the headcount-segment triggers run once per
        // table for the whole file instead of once per row.
        List<RosterBulkInsert.Row> bulk = new ArrayList<>(rows.size());
        for (NewMember row : rows) {
            String fullName = SearchText.nfc(row.fullName());
            bulk.add(new RosterBulkInsert.Row(UUID.randomUUID(), row.organizationId(), fullName,
                    fullName == null ? null : SearchText.fold(fullName), row.dateOfBirth(), row.gender().name(),
                    row.citizenId(), row.officialOn(), MemberRules.timeline(row)));
        }
        try {
            bulkInsert.insert(bulk, "IMPORT");
            audit.recordChanges("Member", bulk.stream().map(row -> new AuditTrail.Change(null, "MemberImported",
                    row.id().toString())).toList());
        } catch (PersistenceException e) {
            if (ConcurrentDuplicate.isCause(e)) {
                throw duplicateCitizenId(); // a concurrent import or entry took a citizen id first
            }
            throw e;
        }
        return rows.size();
    }

    private MemberEntity create(NewMember m, String source) {
        return writes.create(m.organizationId(), m.fullName(), m.dateOfBirth(), null, m.gender(), m.citizenId(), null,
                MemberRules.timeline(m), m.officialOn(), source);
    }

    /** For imports: an organization missing, out of scope or not a chi bộ is a violation of its rows. */
    private java.util.Optional<Violation> organizationCheck(UUID organizationId, LocalDate today) {
        if (!scope.sees(organizationId, today) || organizations.versionOn(organizationId, today).isEmpty()) {
            return java.util.Optional.of(new Violation("ORGANIZATION_NOT_FOUND", "organizationId",
                    "Không tìm thấy tổ chức đảng " + organizationId + ".", "No party organization " + organizationId
                    + ".", null));
        }
        return organizationRule(organizationId, "", today);
    }

    private java.util.Optional<Violation> organizationRule(UUID organizationId, String prefix, LocalDate today) {
        OrganizationVersionEntity version = organizations.versionOn(organizationId, today).orElseThrow();
        if (!version.type.holdsMembers()) {
            return java.util.Optional.of(new Violation("MEMBER_ORGANIZATION_TYPE", prefix + "organizationId",
                    "Đảng viên sinh hoạt ở chi bộ (CELL hoặc GRASSROOTS_CELL), không ở " + version.type + ".",
                    "Members belong to a chi bộ (CELL or GRASSROOTS_CELL), not to " + version.type + ".",
                    Map.of("type", version.type)));
        }
        return java.util.Optional.empty();
    }

    private static List<Violation> sorted(List<Violation> violations) {
        List<Violation> copy = new ArrayList<>(violations);
        copy.sort((a, b) -> Integer.compare(rowOf(a.field()), rowOf(b.field())));
        return copy;
    }

    private static int rowOf(String field) {
        if (field == null || !field.startsWith("rows[")) {
            return -1;
        }
        try {
            return Integer.parseInt(field.substring(5, field.indexOf(']')));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** A concurrent insert of the same live citizen id loses on the unique index: answer 409, not 500. */
    private static void flush() {
        try {
            MemberEntity.getEntityManager().flush();
        } catch (PersistenceException e) {
            if (ConcurrentDuplicate.isCause(e)) {
                throw duplicateCitizenId();
            }
            throw e;
        }
    }

    static ApiException duplicateCitizenId() {
        return ApiException.conflict("DUPLICATE_CITIZEN_ID", Text.of(
                "Số căn cước đã thuộc một đảng viên đang sinh hoạt.",
                "The citizen id already belongs to a live member."));
    }
}
