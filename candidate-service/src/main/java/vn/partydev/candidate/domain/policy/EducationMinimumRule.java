package vn.partydev.candidate.domain.policy;

import java.util.List;
import java.util.Map;
import vn.partydev.candidate.domain.Action;
import vn.partydev.candidate.domain.AreaCategory;
import vn.partydev.candidate.domain.CandidateFacts;
import vn.partydev.candidate.domain.GeneralEducation;
import vn.partydev.candidate.domain.RuleViolation;

/**
 * Trình độ học vấn tối thiểu: tốt nghiệp THCS; hoàn thành tiểu học ở vùng khó khăn (miền núi, biên giới, hải
 * đảo, dân tộc thiểu số, ngư dân); biết đọc, viết chữ quốc ngữ for già làng, trưởng bản, người có uy tín in
 * those areas (QĐ 294-QĐ/TW §1.2.1; HD 01-HD/TW 2021, HD 06-HD/TW 2025).
 */
public final class EducationMinimumRule implements AdmissionRule {

    @Override
    public String code() {
        return "EDUCATION_MINIMUM";
    }

    @Override
    public boolean judges(Action action) {
        return action == Action.RECORD_CELL_RESOLUTION;
    }

    @Override
    public List<RuleViolation> check(RuleContext context, PolicyVersion policy) {
        CandidateFacts c = context.candidate();
        String key = c.areaCategory() == AreaCategory.DIFFICULT
                ? (c.villageElder() ? "villageElder" : "difficultArea") : "general";
        GeneralEducation required = GeneralEducation.valueOf((String) policy.parameters().get(key));
        GeneralEducation actual = GeneralEducation.parse(c.generalEducation());
        if (actual.atLeast(required)) {
            return List.of();
        }
        return List.of(RuleViolation.of(code(), "generalEducation",
                "Trình độ học vấn \"" + c.generalEducation() + "\" thấp hơn mức tối thiểu " + required + ".",
                "General education \"" + c.generalEducation() + "\" is below the minimum " + required + ".",
                Map.of("generalEducation", String.valueOf(c.generalEducation()), "level", actual.name(),
                        "required", required.name(), "areaCategory", c.areaCategory().name(),
                        "villageElder", c.villageElder())));
    }
}
