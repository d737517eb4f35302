package io.tally.sqs.obs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.crac.Core;
import org.crac.Resource;

/**
 * The structured logs and metrics of one function, shared by every entry point (one instance per handler instance,
 * so per container on Lambda). It wraps each invocation: sets up its {@link Invocation} (Powertools field names,
 * {@code cold_start} true only for the first invocation of the container or of a restored snapshot), writes one
 * summary line, an ERROR line with the stack trace for a fault, and flushes the invocation's metrics once.
 * Settings: {@code TALLY_LOG_LEVEL} (INFO, WARN, ERROR), {@code TALLY_BRAND} (the metrics' Brand dimension) and
 * {@code TALLY_METRICS} ({@code off} keeps the EMF lines out of a local console).
 */
public final class Telemetry {
    public static final String LOG_LEVEL = "TALLY_LOG_LEVEL";
    public static final String BRAND = "TALLY_BRAND";
    public static final String METRICS = "TALLY_METRICS";
    /** The Java runtime sets this per invocation; {@code _X_AMZN_TRACE_ID} holds the first invocation's. */
    static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";

    private final String service;
    private final PrintStream out;
    private final Level threshold;
    private final String brand;
    private final boolean metricsOn;
    private final Clock clock;
    private final Map<String, String> env;
    private final AtomicBoolean cold = new AtomicBoolean(true);
    /** Held here: org.crac keeps registered resources only weakly. */
    private final Resource restoreHook;

    public Telemetry(String service, Map<String, String> env, PrintStream out, Clock clock) {
        this.service = service;
        this.out = out;
        this.threshold = Level.parse(env.get(LOG_LEVEL));
        this.brand = env.getOrDefault(BRAND, "local");
        this.metricsOn = !"off".equalsIgnoreCase(env.get(METRICS));
        this.clock = clock;
        this.env = Map.copyOf(env);
        this.restoreHook = new Resource() {
            @Override
            public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
            }

            @Override
            public void afterRestore(org.crac.Context<? extends Resource> context) {
                cold.set(true);
            }
        };
        Core.getGlobalContext().register(restoreHook);
    }

    /** For a Lambda entry point: settings from the environment, lines on standard output (CloudWatch Logs). */
    public static Telemetry forFunction(String service) {
        return new Telemetry(service, System.getenv(), System.out, Clock.systemUTC());
    }

    /**
     * Runs {@code body} as one invocation without a summary line, for an entry point that writes its own (the
     * merchant API's request log); a fault is logged and rethrown; metrics are flushed at the end.
     */
    public <T> T run(Context context, String correlationId, String traceHeader, Supplier<T> body) {
        Invocation invocation = begin(context, correlationId, traceHeader);
        try {
            return body.get();
        } catch (RuntimeException | Error fault) {
            invocation.metrics().count(TallyMetric.ERRORS.metricName(), TallyMetric.ERRORS.dimension(), "fault");
            invocation.fault("invocation failed", fault);
            throw fault;
        } finally {
            end(invocation);
        }
    }

    /** A page front (member pages, back office): one line per request with its route (never its path), status, ms. */
    public APIGatewayV2HTTPResponse http(APIGatewayV2HTTPEvent event, Context context,
                                         Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> app) {
        String requestId = event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
        return run(context, requestId, traceHeader(event), () -> {
            APIGatewayV2HTTPResponse response = app.apply(event);
            Invocation.current().ifPresent(i -> i.line(Level.INFO, "request").field("route", event.getRouteKey())
                    .field("status", response.getStatusCode()).millis("ms", i.elapsedNanos()).write());
            return response;
        });
    }

    /**
     * An SQS consumer: one line per batch (records, failed, ms), {@code QueueMessagesFailed} per batch; the
     * correlation id is the message id when the batch holds one message (each failure's own line names its message).
     */
    public SQSBatchResponse sqs(SQSEvent batch, Context context, Function<SQSEvent, SQSBatchResponse> consumer) {
        int records = batch.getRecords() == null ? 0 : batch.getRecords().size();
        String correlation = records == 1 ? batch.getRecords().get(0).getMessageId() : null;
        return run(context, correlation, null, () -> {
            SQSBatchResponse response = consumer.apply(batch);
            int failed = response == null || response.getBatchItemFailures() == null ? 0 : response.getBatchItemFailures().size();
            Invocation.current().ifPresent(i -> {
                i.metrics().record(TallyMetric.QUEUE_MESSAGES_FAILED.metricName(), Metrics.Unit.COUNT, Integer.toString(failed),
                        TallyMetric.QUEUE_MESSAGES_FAILED.dimension(), service);
                i.line(failed == 0 ? Level.INFO : Level.WARN, "batch").field("records", records).field("failed", failed)
                        .millis("ms", i.elapsedNanos()).write();
            });
            return response;
        });
    }

    /** A scheduled job: the job's name is the correlation id; one line with what it reported. */
    public String job(Context context, String name, Supplier<String> job) {
        return run(context, name, null, () -> {
            String result = job.get();
            Invocation.current().ifPresent(i -> i.line(Level.INFO, "job").field("job", name).field("result", result)
                    .millis("ms", i.elapsedNanos()).write());
            return result;
        });
    }

    Invocation begin(Context context, String correlationId, String traceHeader) {
        Map<String, String> base = new LinkedHashMap<>();
        base.put("service", service);
        if (context != null) {
            base.put("function_name", context.getFunctionName());
            base.put("function_version", context.getFunctionVersion());
            base.put("function_memory_size", Integer.toString(context.getMemoryLimitInMB()));
            base.put("function_arn", context.getInvokedFunctionArn());
            base.put("function_request_id", context.getAwsRequestId());
        }
        base.put("xray_trace_id", traceId(traceHeader));
        base.values().removeIf(v -> v == null);
        return new Invocation(out, threshold, clock, base, cold.getAndSet(false), brand, correlationId).enter();
    }

    void end(Invocation invocation) {
        try {
            if (metricsOn) {
                invocation.flush();
            }
        } finally {
            invocation.leave();
        }
    }

    /** The X-Ray trace id ({@code 1-…-…}, the header's Root): the runtime's per-invocation header, else the event's. */
    private String traceId(String eventHeader) {
        String header = System.getProperty(TRACE_PROPERTY);
        if (header == null || header.isBlank()) {
            header = env.get("_X_AMZN_TRACE_ID");
        }
        if (header == null || header.isBlank()) {
            header = eventHeader;
        }
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            if (part.trim().startsWith("Root=")) {
                return part.trim().substring(5);
            }
        }
        return null;
    }

    /** The event's {@code X-Amzn-Trace-Id} header (API Gateway adds it), or null. */
    public static String traceHeader(APIGatewayV2HTTPEvent event) {
        if (event.getHeaders() != null) {
            for (Map.Entry<String, String> h : event.getHeaders().entrySet()) {
                if (h.getKey().equalsIgnoreCase("x-amzn-trace-id")) {
                    return h.getValue();
                }
            }
        }
        return null;
    }
}
