package vn.partydev.candidate.domain.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.partydev.candidate.domain.Action;
import vn.partydev.candidate.domain.Introducer;
import vn.partydev.candidate.domain.MemberFacts;
import vn.partydev.candidate.domain.RuleViolation;

/**
 * Hai đảng viên chính thức giới thiệu, cùng đơn vị; or, for a youth union member, the BCH đoàn cơ sở plus one
 * official member (Điều lệ Đảng Điều 4). At the cell resolution the introducers must have been assigned.
 */
public final class IntroducersRule implements AdmissionRule {

    @Override
    public String code() {
        return "INTRODUCERS";
    }

    @Override
    public boolean judges(Action action) {
        return action == Action.ASSIGN_INTRODUCERS || action == Action.RECORD_CELL_RESOLUTION;
    }

    @Override
    public List<RuleViolation> check(RuleContext context, PolicyVersion policy) {
        if (context.command().action() == Action.RECORD_CELL_RESOLUTION) {
            if (context.candidate().introducers() == null || context.candidate().introducers().isEmpty()) {
                return List.of(RuleViolation.of(code(), "introducers", "Chưa phân công người giới thiệu.",
                        "No introducers have been assigned.", Map.of()));
            }
            return List.of();
        }
        List<RuleViolation> violations = new ArrayList<>();
        List<Introducer> introducers = context.command().introducers() == null ? List.of()
                : context.command().introducers();
        boolean youthCommittee = context.command().youthUnionCommittee();
        int required = youthCommittee ? policy.integer("count") - 1 : policy.integer("count");
        if (youthCommittee && !context.candidate().youthUnionMember()) {
            violations.add(RuleViolation.of(code(), "youthUnionCommittee",
                    "Chỉ đoàn viên mới được BCH đoàn cơ sở giới thiệu.",
                    "Only a youth union member may be introduced by the youth union committee.",
                    Map.of("youthUnionMember", false)));
        }
        Set<UUID> distinct = new HashSet<>();
        introducers.forEach(i -> distinct.add(i.memberId()));
        if (distinct.size() != required || introducers.size() != required) {
            violations.add(RuleViolation.of(code(), "introducers",
                    "Cần đúng " + required + " đảng viên chính thức khác nhau giới thiệu"
                            + (youthCommittee ? " cùng BCH đoàn cơ sở" : "") + "; có " + distinct.size() + ".",
                    "Exactly " + required + " different official members must introduce"
                            + (youthCommittee ? " together with the youth union committee" : "") + "; got "
                            + distinct.size() + ".",
                    Map.of("required", required, "given", distinct.size(), "youthUnionCommittee", youthCommittee)));
        }
        for (int i = 0; i < introducers.size(); i++) {
            UUID id = introducers.get(i).memberId();
            MemberFacts member = context.organization().members().stream()
                    .filter(m -> m.memberId().equals(id)).findFirst()
                    .orElse(new MemberFacts(id, false, null, false));
            String field = "introducers[" + i + "].memberId";
            if (!member.found()) {
                violations.add(RuleViolation.of(code(), field, "Không tìm thấy đảng viên " + id + " trong chi bộ.",
                        "No party member " + id + " in the cell.", Map.of("memberId", id.toString())));
            } else if (!"OFFICIAL".equals(member.status())) {
                violations.add(RuleViolation.of(code(), field,
                        "Người giới thiệu " + id + " không phải đảng viên chính thức (" + member.status() + ").",
                        "Introducer " + id + " is not an official member (" + member.status() + ").",
                        Map.of("memberId", id.toString(), "status", String.valueOf(member.status()))));
            } else if (!member.sameUnit()) {
                violations.add(RuleViolation.of(code(), field,
                        "Người giới thiệu " + id + " không sinh hoạt cùng đảng bộ, chi bộ cơ sở với người vào Đảng.",
                        "Introducer " + id + " does not belong to the applicant's grassroots organization.",
                        Map.of("memberId", id.toString())));
            }
        }
        return violations;
    }
}
