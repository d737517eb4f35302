package io.tally.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tally.lambda.topology.Route;
import io.tally.lambda.topology.Routes;
import io.tally.local.lambda.LocalLambdaContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API Gateway (HTTP API, payload v2.0) on 127.0.0.1: matches each request against
 * {@link Routes#ALL}, turns it into the event API Gateway would send, calls the function's handler
 * in process and writes its response back. Unmatched requests go to the {@code $default} route (with
 * no such route in the table they would get API Gateway's own 404); handler failures get its 500.
 *
 * <p>Handlers are shared by the front's threads: unlike on Lambda, where an instance serves one
 * request at a time, they must be thread-safe here.
 */
public final class LocalHttpFront implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalHttpFront.class);
    private static final String HOST = "127.0.0.1";

    private final HttpServer server;
    private final ExecutorService executor;
    private final FrontSettings settings;
    private final HttpHandlers handlers;
    private final Clock clock;
    private volatile Consumer<APIGatewayV2HTTPEvent> eventTap = event -> { };

    private LocalHttpFront(HttpServer server, ExecutorService executor, FrontSettings settings, HttpHandlers handlers, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.settings = settings;
        this.handlers = handlers;
        this.clock = clock;
    }

    /** Binds 127.0.0.1 and the configured port; serves nothing until {@link #start()}. */
    public static LocalHttpFront bind(FrontSettings settings, HttpHandlers handlers) {
        return bind(settings, handlers, Clock.systemUTC());
    }

    public static LocalHttpFront bind(FrontSettings settings, HttpHandlers handlers, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(handlers, "handlers");
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(HOST), settings.port()), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + HOST + ":" + settings.port() + " (" + e.getMessage()
                    + "): is another program using the port? Stop it or choose another port (./tally up --port N)", e);
        }
        ExecutorService executor = newPool(settings.threads());
        LocalHttpFront front = new LocalHttpFront(server, executor, settings, handlers, clock);
        server.createContext("/", front::serve);
        server.setExecutor(executor);
        return front;
    }

    /** Binds and starts. */
    public static LocalHttpFront start(FrontSettings settings, HttpHandlers handlers) {
        LocalHttpFront front = bind(settings, handlers);
        front.start();
        return front;
    }

    public LocalHttpFront start() {
        server.start();
        return this;
    }

    /** {@code http://127.0.0.1:<port>}, no trailing slash. */
    public URI baseUrl() {
        return URI.create("http://" + HOST + ":" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Serves a local-only page (not part of the route table, never deployed), e.g. the captured mail. Call before
     * {@link #start()}.
     */
    public void addLocalPage(String path, com.sun.net.httpserver.HttpHandler page) {
        server.createContext(path, page);
    }

    /** Sees every event before its handler does (tests compare them with recorded events). */
    public void onEvent(Consumer<APIGatewayV2HTTPEvent> tap) {
        this.eventTap = Objects.requireNonNull(tap);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void serve(HttpExchange exchange) {
        try {
            Optional<byte[]> body = readBody(exchange);
            if (body.isEmpty()) {
                FrontResponses.message(exchange, 413, "Request Entity Too Large");
                return;
            }
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String rawPath = exchange.getRequestURI().getRawPath();
            Optional<Route> route = Routes.find(method, rawPath);
            if (route.isEmpty()) {
                // only without a $default route: HTTP APIs answer a method that no route serves with 404 too, not 405
                FrontResponses.message(exchange, 404, "Not Found");
                return;
            }
            invoke(exchange, route.get(), incoming(exchange, method, rawPath, body.get()));
        } catch (IOException e) {
            LOG.debug("client went away: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.error("local HTTP front failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            answerIfStillPossible(exchange);
        } finally {
            exchange.close();
        }
    }

    private static void answerIfStillPossible(HttpExchange exchange) {
        if (exchange.getResponseCode() == -1) {
            try {
                FrontResponses.message(exchange, 500, "Internal Server Error");
            } catch (IOException | RuntimeException ignored) {
                // nothing more we can tell the client
            }
        }
    }

    private void invoke(HttpExchange exchange, Route route, IncomingRequest request) throws IOException {
        String requestId = UUID.randomUUID().toString();
        APIGatewayV2HTTPEvent event = ApiGatewayEvents.build(request, route, settings,
                new ApiGatewayEvents.Stamp(requestId, TraceIds.next(clock.instant()), clock.instant()));
        APIGatewayV2HTTPResponse response;
        try {
            eventTap.accept(event);
            LocalLambdaContext context = LocalLambdaContext.startingNow(route.function(), UUID.randomUUID().toString());
            response = handlers.handlerFor(route.function()).handleRequest(event, context);
            if (context.getRemainingTimeInMillis() == 0) {
                LOG.warn("{} ran past its {} s timeout on {} (Lambda would have stopped it)",
                        route.function().logicalName(), route.function().timeoutSeconds(), route.routeKey());
            }
        } catch (RuntimeException | Error e) {
            LOG.error("{} failed on {} (request {})", route.function().logicalName(), route.routeKey(), requestId, e);
            FrontResponses.message(exchange, 500, "Internal Server Error");
            return;
        }
        if (response == null || response.getStatusCode() < 100 || response.getStatusCode() > 599) {
            LOG.error("{} returned an unusable response on {}: {}", route.function().logicalName(), route.routeKey(), response);
            FrontResponses.message(exchange, 500, "Internal Server Error");
            return;
        }
        try {
            FrontResponses.write(exchange, response, requestId);
        } catch (IllegalArgumentException badBase64) {
            LOG.error("{} returned isBase64Encoded=true with a body that is not base64 on {}",
                    route.function().logicalName(), route.routeKey(), badBase64);
            FrontResponses.message(exchange, 500, "Internal Server Error");
        }
    }

    private IncomingRequest incoming(HttpExchange exchange, String method, String rawPath, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>()).addAll(values));
        return new IncomingRequest(method, rawPath, exchange.getRequestURI().getRawQuery(), headers, body,
                exchange.getRemoteAddress().getAddress().getHostAddress(), port(), exchange.getProtocol());
    }

    /** The body, or empty when it is larger than the limit. */
    private Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > settings.maxBodyBytes()) {
                    return Optional.empty();
                }
            } catch (NumberFormatException ignored) {
                // the server rejects it itself; otherwise we count below
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(settings.maxBodyBytes() + 1);
            return bytes.length > settings.maxBodyBytes() ? Optional.empty() : Optional.of(bytes);
        }
    }

    private static ExecutorService newPool(int threads) {
        AtomicInteger counter = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1024), runnable -> {
            Thread thread = new Thread(runnable, "http-front-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
