package vn.partydev.reporting.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.partydev.kit.problem.ApiException;
import vn.partydev.kit.problem.Text;
import vn.partydev.reporting.projection.Rebuilder;

/** Starts a rebuild of every projection as a background job and answers its state (table rebuild_job). */
@ApplicationScoped
public class RebuildJobs {

    private static final Logger LOG = Logger.getLogger(RebuildJobs.class);

    @Inject
    EntityManager em;

    @Inject
    Rebuilder rebuilder;

    public record Job(UUID id, String status, OffsetDateTime startedAt, OffsetDateTime finishedAt, long events,
                      String error) {
    }

    /** Starts a rebuild; only one runs at a time (409 otherwise). */
    public synchronized Job start() {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().run(() -> {
            if (!em.createNativeQuery("SELECT 1 FROM rebuild_job WHERE status = 'RUNNING'").getResultList().isEmpty()) {
                throw ApiException.conflict("REBUILD_RUNNING", Text.of("Đang có một lần dựng lại số liệu chạy",
                        "A rebuild is already running"));
            }
            em.createNativeQuery("INSERT INTO rebuild_job (id, status, started_at) VALUES (?1, 'RUNNING', ?2)")
                    .setParameter(1, id).setParameter(2, now).executeUpdate();
        });
        Thread worker = new Thread(() -> run(id), "rebuild-" + id);
        worker.setDaemon(true);
        worker.start();
        return new Job(id, "RUNNING", now, null, 0, null);
    }

    private void run(UUID id) {
        try {
            rebuilder.rebuild(events -> update(id, "RUNNING", events, null));
            finish(id, "SUCCEEDED", null);
        } catch (RuntimeException failure) {
            LOG.errorf(failure, "Rebuild %s failed", id);
            finish(id, "FAILED", String.valueOf(failure.getMessage()));
        }
    }

    private void update(UUID id, String status, long events, String error) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE rebuild_job SET status = ?2, "
                        + "events = ?3, error = ?4 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, status).setParameter(3, events).setParameter(4, error)
                .executeUpdate());
    }

    private void finish(UUID id, String status, String error) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE rebuild_job SET status = ?2, "
                        + "error = ?3, finished_at = now() WHERE id = ?1")
                .setParameter(1, id).setParameter(2, status).setParameter(3, error).executeUpdate());
    }

    public Optional<Job> find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT id, status, started_at, finished_at, events, error "
                    + "FROM rebuild_job WHERE id = ?1").setParameter(1, id).getResultList();
            return rows.stream().findFirst().map(r -> new Job((UUID) r[0], (String) r[1], time(r[2]), time(r[3]),
                    ((Number) r[4]).longValue(), (String) r[5]));
        });
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString());
    }
}
