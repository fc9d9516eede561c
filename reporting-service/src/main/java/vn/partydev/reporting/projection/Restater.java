package vn.partydev.reporting.projection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps the live closure and rollups in step with the tree: after an organization event the tree is dirty;
 * the next report (or the scheduler, within seconds) restates it before answering.
 */
@ApplicationScoped
public class Restater {

    @Inject
    TreeRestatement tree;

    @Inject
    ProjectionLock lock;

    /** Restates the live tables if the tree changed since the last restatement. */
    public synchronized void ensureFresh() {
        boolean dirty = QuarkusTransaction.requiringNew().call(() -> tree.isDirty(Tables.LIVE));
        if (!dirty) {
            return;
        }
        // A national restatement recomputes millions of rollup rows: allow it the time it needs.
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
            lock.exclusive();
            if (tree.isDirty(Tables.LIVE)) {
                tree.restate(Tables.LIVE);
            }
        });
    }

    @Scheduled(every = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void restateInTheBackground() {
        ensureFresh();
    }
}
