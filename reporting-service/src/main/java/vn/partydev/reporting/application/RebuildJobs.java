package vn.partydev.reporting.application;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.partydev.kit.audit.AuditTrail;
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

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditTrail audit;

    public record Job(UUID id, String status, OffsetDateTime startedAt, OffsetDateTime finishedAt, long events,
                      String error) {
    }

    /**
     * Starts a rebuild; only one runs at a time (409 otherwise). A job left RUNNING by a process that died is
     * marked FAILED first instead of blocking every later rebuild (ADR 0096).
     */
    public synchronized Job start() {
        RebuildLease lease = acquireLease().orElseThrow(() -> ApiException.conflict("REBUILD_RUNNING",
                Text.of("Đang có một lần dựng lại số liệu chạy", "A rebuild is already running")));
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                abandonDeadJobs();
                em.createNativeQuery("INSERT INTO rebuild_job (id, status, started_at) VALUES (?1, 'RUNNING', ?2)")
                        .setParameter(1, id).setParameter(2, now).executeUpdate();
                // Who asked for it (ADR 0098); nothing when started at boot by RebuildOnUpgrade (no caller).
                audit.recordChange(null, "RebuildStarted", "RebuildJob", id.toString());
            });
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
        Thread worker = new Thread(() -> {
            try (lease) {
                run(id);
            }
        }, "rebuild-" + id);
        worker.setDaemon(true);
        worker.start();
        return new Job(id, "RUNNING", now, null, 0, null);
    }

    private Optional<RebuildLease> acquireLease() {
        try {
            return RebuildLease.tryAcquire(dataSource);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check for a running rebuild", e);
        }
    }

    /** Ends, as FAILED, every job still RUNNING: called only while holding the lease, so none is alive. */
    private void abandonDeadJobs() {
        int abandoned = em.createNativeQuery("UPDATE rebuild_job SET status = 'FAILED', finished_at = now(), "
                + "error = 'Bị gián đoạn: tiến trình dừng khi đang dựng lại / Interrupted: the service stopped "
                + "during the rebuild' WHERE status = 'RUNNING'").executeUpdate();
        if (abandoned > 0) {
            LOG.warnf("%d rebuild job(s) left RUNNING by a stopped process marked FAILED", abandoned);
        }
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

    /** A job's state; a RUNNING job whose process died answers FAILED (and is recorded so). */
    public Optional<Job> find(UUID id) {
        Optional<Job> job = read(id);
        if (job.isPresent() && "RUNNING".equals(job.get().status())) {
            synchronized (this) {
                Optional<RebuildLease> lease = acquireLease();
                if (lease.isPresent()) {
                    try (RebuildLease held = lease.get()) {
                        QuarkusTransaction.requiringNew().run(this::abandonDeadJobs);
                    }
                    return read(id);
                }
            }
        }
        return job;
    }

    private Optional<Job> read(UUID id) {
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
