package vn.partydev.kit.rest;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.quarkus.vertx.http.runtime.RouteConstants;

/**
 * Reads a request's whole body on the Vert.x event loop, before Quarkus REST hands the request to a worker thread
 * (ADR 0190). For a blocking resource method Quarkus REST dispatches the request as soon as its headers arrive and
 * the worker then reads the body through a blocking stream: it waits for the event loop to deliver the bytes and for
 * the end of the request, each a park and a wake-up of a thread (about three wake-ups per request). On a machine
 * where a thread switch costs ~10 µs (the benchmark's VM) that is a real share of a pipeline step. With the body
 * already read, Quarkus REST gives the resource a stream over bytes in memory
 * ({@code VertxResteasyReactiveRequestContext.createInputStream}) and the worker never waits for the network.
 *
 * <p>Vert.x Web's {@link BodyHandler} does the reading (file uploads off, form attributes not merged). Its route comes after
 * Quarkus' own body-size limit ({@code quarkus.http.limits.max-body-size}, route order -2 against this one's 1,000),
 * which should therefore still answer first (not tested here). Only a body announced by a {@code Content-Length} of one byte or more is read here (what every client of
 * the API sends for a JSON document). Every other request goes on
 * to Quarkus REST untouched, as before: an HTTP/2 stream (Quarkus REST pauses the request when it starts, and an
 * HTTP/2 request whose body was read refuses that with an exception: a 500 in the end-to-end demo load, whose JDK
 * client upgrades to h2c); one already ended; an empty body (read by {@code BodyHandler}, an empty
 * body left the request unanswered: {@code StepBodyReadingTests}); a chunked body (its size is not known in
 * advance); an {@code Expect} other than {@code 100-continue} ({@code BodyHandler} would answer 417 outside our
 * problem+json mappers). Meant for endpoints whose bodies are small JSON documents: the body is held in
 * memory while it is read, as the JSON reader would hold it anyway.
 */
public final class BodyReadOnTheEventLoop implements Handler<RoutingContext> {

    private final BodyHandler body = BodyHandler.create(false).setMergeFormAttributes(false);

    private BodyReadOnTheEventLoop() {
    }

    /** Installs the reading in front of {@code POST path} ({@link Router} path syntax, e.g. {@code /a/:id/b}). */
    public static void beforePost(Router router, String path) {
        router.post(path).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(new BodyReadOnTheEventLoop());
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String expect = request.getHeader(HttpHeaders.EXPECT);
        if (request.version() == HttpVersion.HTTP_2 || request.isEnded()
                || !hasLength(request.getHeader(HttpHeaders.CONTENT_LENGTH))
                || (expect != null && !expect.equalsIgnoreCase("100-continue"))) {
            context.next();
            return;
        }
        body.handle(context);
    }

    /** A Content-Length of at least one byte. */
    private static boolean hasLength(String contentLength) {
        try {
            return contentLength != null && Long.parseLong(contentLength.strip()) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
