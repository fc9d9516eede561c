package vn.partydev.organization.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.kit.problem.Violation;

/**
 * One resolution that reorganizes many organizations at once — "sắp xếp đơn vị hành chính cấp xã" merges
 * dozens of communes by one decision (Lai Châu: 106 commune committees into 38, effective 2025-07-01) — as a
 * single all-or-nothing transaction (ADR 0115). Each item is a complete {@link Reorganize.Command}, applied
 * in order, so a later item sees what an earlier one did; the first item that is refused refuses the whole
 * batch, and its problem names the item ({@code reorganizations[3].sourceIds}). The stored ancestor paths are
 * recomputed once, at commit, for the whole batch (ADR 0083).
 */
@ApplicationScoped
public class ReorganizeInBatch {

    @Inject
    Reorganize reorganize;

    @Transactional
    public List<Reorganize.Result> reorganize(List<Reorganize.Command> commands) {
        List<Reorganize.Result> results = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            try {
                results.add(reorganize.reorganize(commands.get(i)));
            } catch (ApiException refused) {
                throw naming(refused, i);
            }
        }
        return results;
    }

    /** The violation with its field named inside the batch: {@code sourceIds} → {@code reorganizations[3].sourceIds}. */
    public static Violation inItem(Violation violation, int index) {
        String item = "reorganizations[" + index + "]";
        return new Violation(violation.rule(), violation.field() == null ? item : item + "." + violation.field(),
                violation.message(), violation.messageEn(), violation.values());
    }

    /** The same problem, with its fields and detail naming the item of the batch that caused it. */
    static ApiException naming(ApiException refused, int index) {
        List<Violation> violations = refused.violations().stream().map(v -> inItem(v, index)).toList();
        Text detail = refused.detail() == null ? null : Text.of(
                "Mục " + index + " của nghị quyết: " + refused.detail().vi(),
                "Item " + index + " of the batch: " + refused.detail().en());
        return new ApiException(refused.status(), refused.code(), refused.title(), detail, violations);
    }
}
