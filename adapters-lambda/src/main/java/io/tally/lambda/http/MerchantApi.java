package io.tally.lambda.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.ledger.IdempotencyPort;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.Sealer;
import io.tally.domain.tenant.AuthenticateMerchantUseCase;
import io.tally.domain.tenant.MerchantContext;
import io.tally.domain.tenant.MerchantCredentials;
import io.tally.lambda.topology.Route;
import io.tally.lambda.topology.Routes;
import io.tally.sqs.json.UnpairedSurrogateException;
import io.tally.sqs.json.WellFormedText;
import io.tally.sqs.json.WireJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code POST /merchant/{method}}: envelope, credentials, body parsing and dispatch to the
 * {@link MerchantMethod}s. Every response carries a fresh requestRef; every failure is the envelope,
 * never a bare 500 page; the secret and passwords are never logged.
 */
public final class MerchantApi {
    /** Larger bodies are refused before parsing. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String OPENAPI_ROUTE_KEY = "GET " + Routes.OPENAPI_PATH;
    /** The headers a method reads as free text (the others are identifiers, secrets or protocol). */
    private static final List<String> TEXT_HEADERS = List.of("customRequestId", "externalTransactionId", "note");

    private final AuthenticateMerchantUseCase authenticate;
    private final Map<String, MerchantMethod> methods;
    private final WireJson json;
    private final Envelope envelope;
    private final RequestRefs refs;
    private final RequestLog log;
    private final RateLimiter rateLimiter;
    private final Optional<Replays> replays;

    /** Without idempotency records: only for methods that ignore customRequestId (reads). */
    public MerchantApi(AuthenticateMerchantUseCase authenticate, List<MerchantMethod> methods, WireJson json,
                       RequestRefs refs, RequestLog log, RateLimiter rateLimiter) {
        this(authenticate, methods, json, refs, log, rateLimiter, Optional.empty());
    }

    /**
     * With the idempotency records that let state-changing methods answer a repeated customRequestId exactly; answers
     * that hold a PIN rest sealed by {@code sealer}; claim tokens come from {@code random}.
     */
    public MerchantApi(AuthenticateMerchantUseCase authenticate, List<MerchantMethod> methods, WireJson json,
                       RequestRefs refs, RequestLog log, RateLimiter rateLimiter, IdempotencyPort idempotency, Clock clock,
                       Sealer sealer, RandomSource random) {
        this(authenticate, methods, json, refs, log, rateLimiter,
                Optional.of(new Replays(idempotency, clock, new Envelope(json), sealer, random, log)));
    }

    private MerchantApi(AuthenticateMerchantUseCase authenticate, List<MerchantMethod> methods, WireJson json,
                        RequestRefs refs, RequestLog log, RateLimiter rateLimiter, Optional<Replays> replays) {
        this.rateLimiter = rateLimiter;
        this.authenticate = authenticate;
        this.methods = methods.stream().collect(Collectors.toUnmodifiableMap(MerchantMethod::name, Function.identity()));
        this.json = json;
        this.envelope = new Envelope(json);
        this.refs = refs;
        this.log = log;
        this.replays = replays;
        if (replays.isEmpty() && methods.stream().anyMatch(m -> m.requestIdUse() != MerchantMethod.RequestIdUse.IGNORED)) {
            throw new IllegalArgumentException("methods that honour customRequestId need an IdempotencyPort");
        }
    }

    /** The names of the methods this API dispatches to (the contract test checks each has an operation). */
    public SortedSet<String> methodNames() {
        return new TreeSet<>(methods.keySet());
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        long started = System.nanoTime();
        String requestRef = refs.next();
        Map<String, String> headers = lowerCased(event.getHeaders());
        String httpMethod = event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                ? "POST" : event.getRequestContext().getHttp().getMethod();
        if (Route.DEFAULT_KEY.equals(event.getRouteKey())) {
            return noRoute(event, requestRef, headers, httpMethod, started);
        }
        if (OPENAPI_ROUTE_KEY.equals(event.getRouteKey())) {
            return ContractDocument.response();
        }
        if ("OPTIONS".equalsIgnoreCase(httpMethod)) {
            return envelope.preflight();
        }
        String methodName = methodName(event);
        Call call = new Call(requestRef, methodName, headers);
        APIGatewayV2HTTPResponse response;
        try {
            response = dispatch(event, call);
        } catch (RuntimeException fault) {
            log.fault(call.describe(), fault);
            response = envelope.failure(requestRef, ApiError.INTERNAL, null);
        }
        log.request(call.describe(), response.getStatusCode(), (System.nanoTime() - started) / 1_000_000.0,
                methods.containsKey(call.method()));
        return response;
    }

    /** What no route matches ({@code $default}): 404 in the envelope, naming what does exist. */
    private APIGatewayV2HTTPResponse noRoute(APIGatewayV2HTTPEvent event, String requestRef, Map<String, String> headers,
                                             String httpMethod, long started) {
        String path = event.getRawPath() == null ? "" : event.getRawPath();
        String shown = path.length() > 200 ? path.substring(0, 200) + "…" : path;
        Call call = new Call(requestRef, Route.DEFAULT_KEY, headers);
        APIGatewayV2HTTPResponse response = call.fail(envelope, ApiError.UNKNOWN_METHOD, "No route for " + httpMethod + " "
                + shown + ". The merchant methods answer POST /merchant/{method} and POST /{method}; the contract is GET "
                + Routes.OPENAPI_PATH + ".");
        log.request(call.describe(), response.getStatusCode(), (System.nanoTime() - started) / 1_000_000.0, false);
        return response;
    }

    private APIGatewayV2HTTPResponse dispatch(APIGatewayV2HTTPEvent event, Call call) {
        Map<String, String> h = call.headers();
        var basic = BasicAuth.parse(h.get("authorization"));
        MerchantCredentials credentials = new MerchantCredentials(basic.map(BasicAuth.KeyAndSecret::key).orElse(null),
                basic.map(BasicAuth.KeyAndSecret::secret).orElse(null), h.get("brand"), h.get("location"),
                h.get("terminal"), h.get("employee"), h.get("employeepassword"));
        Outcome<MerchantContext> auth = authenticate.authenticate(credentials);
        if (auth instanceof Outcome.Rejected<MerchantContext> r) {
            return call.fail(envelope, ApiError.of(r.rejection().reason()), r.rejection().detail());
        }
        call.authenticated(auth.value());
        if (!rateLimiter.tryAcquire(auth.value().apiKeyId())) {
            return call.fail(envelope, ApiError.RATE_LIMITED, null);
        }
        MerchantMethod method = methods.get(call.method());
        if (method == null) {
            return call.fail(envelope, ApiError.UNKNOWN_METHOD,
                    "Unknown method '" + call.method() + "'. Known: " + String.join(", ", methods.keySet().stream().sorted().toList()) + ".");
        }
        Outcome<ObjectNode> body = parseBody(event);
        if (body instanceof Outcome.Rejected<ObjectNode> r) {
            return call.fail(envelope, ApiError.INVALID_REQUEST, r.rejection().detail());
        }
        Optional<String> illFormed = illFormedHeader(h);
        if (illFormed.isPresent()) {
            return call.fail(envelope, ApiError.INVALID_REQUEST, illFormed.get());
        }
        MerchantRequest request = new MerchantRequest(auth.value(), body.value(), h, call.requestRef());
        Optional<String> requestId = request.header("customrequestid");
        if (requestId.isPresent() && method.requestIdUse() != MerchantMethod.RequestIdUse.IGNORED) {
            return replays.orElseThrow().respond(method, request, requestId.get(), call, r -> invoke(method, r, call));
        }
        return invoke(method, request, call);
    }

    private APIGatewayV2HTTPResponse invoke(MerchantMethod method, MerchantRequest request, Call call) {
        Outcome<ObjectNode> result = method.handle(request);
        if (result instanceof Outcome.Rejected<ObjectNode> r) {
            return call.fail(envelope, ApiError.of(r.rejection().reason()), r.rejection().detail());
        }
        if (result.value().hasNonNull("requestRef")) {
            call.replayed(); // rebuilt from what the first attempt wrote: its requestRef, not this call's
            return envelope.success(result.value().get("requestRef").asText(), result.value());
        }
        return envelope.success(call.requestRef(), result.value());
    }

    private Outcome<ObjectNode> parseBody(APIGatewayV2HTTPEvent event) {
        String raw = event.getBody();
        if (raw == null || raw.isBlank()) {
            return Outcome.accepted(json.createObjectNode());
        }
        byte[] bytes;
        if (event.getIsBase64Encoded()) {
            if (raw.length() > MAX_BODY_BYTES * 4 / 3 + 4) {
                return notAnObject();
            }
            try {
                bytes = Base64.getDecoder().decode(raw);
            } catch (IllegalArgumentException e) {
                return notAnObject();
            }
        } else {
            bytes = raw.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            return notAnObject();
        }
        try {
            // getBytes wrote a raw unpaired surrogate as '?': such text is read as it is, for WireJson to refuse
            boolean rawIllFormed = !event.getIsBase64Encoded() && WellFormedText.unpairedSurrogate(raw) >= 0;
            JsonNode node = rawIllFormed ? json.readTree(raw) : json.readTree(bytes);
            return node instanceof ObjectNode o ? Outcome.accepted(o) : notAnObject();
        } catch (UnpairedSurrogateException illFormed) {
            return Outcome.rejected(Reason.INVALID_REQUEST,
                    "The request body must be well-formed Unicode: " + illFormed.getOriginalMessage() + ".");
        } catch (IOException | RuntimeException malformed) {
            return notAnObject();
        }
    }

    private static Outcome<ObjectNode> notAnObject() {
        return Outcome.rejected(Reason.INVALID_REQUEST,
                "The request body must be a JSON object of at most " + MAX_BODY_BYTES + " bytes.");
    }

    /**
     * Why a free-text header the methods read (and the ledger keeps) is refused: one holding an unpaired surrogate,
     * which no UTF-8 store can keep as sent. brand, location, terminal and employee need no check here: the
     * authentication refuses anything but {@code Identifiers}' ASCII.
     */
    private static Optional<String> illFormedHeader(Map<String, String> headers) {
        for (String name : TEXT_HEADERS) {
            String value = headers.get(name.toLowerCase(Locale.ROOT));
            int at = value == null ? -1 : WellFormedText.unpairedSurrogate(value);
            if (at >= 0) {
                return Optional.of("The " + name + " header must be well-formed Unicode: it holds an unpaired surrogate ("
                        + WellFormedText.escape(value.charAt(at)) + ").");
            }
        }
        return Optional.empty();
    }

    private static String methodName(APIGatewayV2HTTPEvent event) {
        if (event.getPathParameters() != null && event.getPathParameters().get("method") != null) {
            return event.getPathParameters().get("method");
        }
        String path = event.getRawPath() == null ? "" : event.getRawPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static Map<String, String> lowerCased(Map<String, String> headers) {
        Map<String, String> h = new HashMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
        }
        return h;
    }

    /**
     * What the request log says about one call (never the secret or the passwords). It learns, as the call goes on,
     * who called and how the call ended; only through its methods.
     */
    static final class Call {
        private final String requestRef;
        private final String method;
        private final Map<String, String> headers;
        private MerchantContext context;
        private int errorCode;
        private boolean replayed;

        Call(String requestRef, String method, Map<String, String> headers) {
            this.requestRef = requestRef;
            this.method = method.length() > 64 ? method.substring(0, 64) : method;
            this.headers = headers;
        }

        String requestRef() {
            return requestRef;
        }

        String method() {
            return method;
        }

        Map<String, String> headers() {
            return headers;
        }

        void authenticated(MerchantContext who) {
            context = who;
        }

        /** The call fails with this error: the envelope to answer, and the code for the log. */
        APIGatewayV2HTTPResponse fail(Envelope envelope, ApiError error, String detail) {
            errorCode = error.code();
            return envelope.failure(requestRef, error, detail);
        }

        /** The answer is a stored one (a repeat of an earlier request). */
        void replayed() {
            replayed = true;
        }

        Map<String, String> describe() {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("requestRef", requestRef);
            d.put("method", method);
            if (context != null) {
                d.put("brand", context.brand().value());
                d.put("location", context.location().value());
                d.put("terminal", context.terminal().value());
                d.put("apiKey", context.apiKeyId());
            }
            if (errorCode != 0) {
                d.put("errorCode", Integer.toString(errorCode));
            }
            if (replayed) {
                d.put("replayed", "true");
            }
            return d;
        }
    }
}
