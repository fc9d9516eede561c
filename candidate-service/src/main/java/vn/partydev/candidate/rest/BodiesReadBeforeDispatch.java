package vn.partydev.candidate.rest;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.partydev.kit.rest.BodyReadOnTheEventLoop;

/**
 * The busiest POSTs of the service, a pipeline step and a registration, have their small JSON bodies read on the
 * event loop before the worker thread takes them (ADR 0190): the worker then never parks waiting for the body.
 * The other POSTs (imports, transfers, training classes) keep Quarkus REST's default.
 */
@ApplicationScoped
class BodiesReadBeforeDispatch {

    void install(@Observes Router router) {
        BodyReadOnTheEventLoop.beforePost(router, "/api/v1/candidates/:id/actions/:action");
        BodyReadOnTheEventLoop.beforePost(router, "/api/v1/candidates");
    }
}
