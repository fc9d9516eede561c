package vn.partydev.candidate.application.training;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import vn.partydev.candidate.persistence.TrainingClassEntity;
import vn.partydev.candidate.security.CandidateScope;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;

/** Finds a training class the caller may see (its organizing committee inside the caller's subtree); 404 otherwise. */
@ApplicationScoped
public class TrainingClassAccess {

    @Inject
    EntityManager em;

    @Inject
    CandidateScope scope;

    public TrainingClassEntity visible(UUID id) {
        return check(id, em.find(TrainingClassEntity.class, id));
    }

    /** The class locked for a change, so that two changes of one class follow each other. */
    public TrainingClassEntity visibleForUpdate(UUID id) {
        return check(id, em.find(TrainingClassEntity.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    private TrainingClassEntity check(UUID id, TrainingClassEntity c) {
        if (c == null || !scope.sees(c.organizationId)) {
            throw notFound(id);
        }
        return c;
    }

    public static ApiException notFound(UUID id) {
        return ApiException.notFound(Text.of("Không tìm thấy lớp bồi dưỡng " + id + ".", "No training class " + id + "."));
    }
}
