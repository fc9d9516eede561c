package vn.partydev.organization.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.rest.Page;
import vn.partydev.kit.rest.PageRequest;
import vn.partydev.organization.domain.AffiliationKind;
import vn.partydev.organization.domain.CitizenId;
import vn.partydev.organization.domain.MemberStatus;
import vn.partydev.organization.domain.SearchText;
import vn.partydev.organization.persistence.MemberAffiliationEntity;
import vn.partydev.organization.persistence.MemberEntity;
import vn.partydev.organization.persistence.MemberStatusEntity;
import vn.partydev.organization.persistence.RosterRepository;
import vn.partydev.organization.rest.DecisionDto;
import vn.partydev.organization.rest.MemberView;
import vn.partydev.organization.security.OrganizationScope;

/** Reads of the roster within the caller's scope: a member is seen when their home chi bộ is. */
@ApplicationScoped
public class MemberQueries {

    @Inject
    RosterRepository roster;

    @Inject
    OrganizationScope scope;

    /** Members at home in {@code organizationId}'s subtree today (the caller's whole scope when null). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MemberView> list(UUID organizationId, MemberStatus status, String q, PageRequest page) {
        LocalDate today = LocalDate.now();
        UUID root = organizationId;
        if (root != null) {
            scope.requireVisible(root, today);
        } else if (!scope.isNational()) {
            root = scope.root().orElse(new UUID(0, 0));
        }
        String fragment = q == null || q.isBlank() ? null : SearchText.fold(q);
        List<MemberView> items = roster.list(root, today, status, fragment, page.ascending(), page.offset(),
                        page.size()).stream()
                .map(r -> new MemberView(r.id(), r.version(), r.organizationId(), r.fullName(), r.dateOfBirth(), null,
                        r.gender(), CitizenId.mask(r.citizenId()), MemberStatus.valueOf(r.status()), r.admittedOn(),
                        r.officialOn(), r.candidateId(), null, null, null))
                .toList();
        return new Page<>(items, page.page(), page.size(), roster.count(root, today, status, fragment));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MemberView get(UUID id) {
        MemberEntity member = requireVisible(id);
        return view(member);
    }

    /** The member, if the caller sees its latest home chi bộ; otherwise 404 exactly like a missing one. */
    public MemberEntity requireVisible(UUID id) {
        MemberEntity member = MemberEntity.findById(id);
        if (member == null) {
            throw notFound(id);
        }
        MemberAffiliationEntity home = roster.latestHome(id).orElseThrow(() -> notFound(id));
        LocalDate day = home.validTo == null || home.validTo.isAfter(LocalDate.now()) ? LocalDate.now() : home.validTo;
        if (!scope.sees(home.organizationId, day)) {
            throw notFound(id);
        }
        return member;
    }

    public MemberView view(MemberEntity member) {
        LocalDate today = LocalDate.now();
        List<MemberStatusEntity> statuses = roster.statuses(member.id);
        List<MemberAffiliationEntity> affiliations = roster.affiliations(member.id);
        MemberStatus statusToday = statuses.stream().filter(s -> !s.validFrom.isAfter(today)
                        && (s.validTo == null || !s.validTo.isBefore(today)))
                .map(s -> s.status).findFirst().orElse(member.currentStatus);
        UUID home = roster.affiliationOn(member.id, AffiliationKind.HOME, today)
                .or(() -> roster.latestHome(member.id)).map(a -> a.organizationId).orElse(null);
        MemberView.TemporaryTransfer away = roster.affiliationOn(member.id, AffiliationKind.TEMPORARY, today)
                .map(a -> new MemberView.TemporaryTransfer(a.organizationId, a.validFrom, a.validTo)).orElse(null);
        return new MemberView(member.id, member.version, home, member.fullName, member.dateOfBirth, member.birthYear,
                member.gender == null ? null : member.gender.name(), member.citizenId, statusToday, member.admittedOn,
                member.officialOn, member.candidateId, away,
                statuses.stream().map(s -> new MemberView.StatusPeriod(s.status, s.validFrom, s.validTo)).toList(),
                affiliations.stream().map(a -> new MemberView.Affiliation(a.organizationId, a.kind, a.validFrom,
                        a.validTo, DecisionDto.of(a.decision()))).toList());
    }

    static ApiException notFound(UUID id) {
        return ApiException.notFound(Text.of("Không tìm thấy đảng viên " + id + ".", "No party member " + id + "."));
    }
}
