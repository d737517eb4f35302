package io.tally.infra;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The HTTP API's access log: one JSON line per request in its own log group, kept as long as the functions' logs. It
 * names the request id API Gateway gives the integration, the route and the status, and the latencies, never headers
 * or bodies (the merchant API's Basic credentials and the members' data stay out of it). The HTTP API has no X-Ray
 * tracing of its own; the functions trace (see {@link Functions}).
 */
final class ApiAccessLogs {
    /** Each field and the {@code $context} variable it logs (HTTP API access-log variables). */
    static final Map<String, String> FIELDS = fields();

    private ApiAccessLogs() {
    }

    static IAccessLogSettings create(Construct scope, StackConfig config) {
        LogGroup logs = LogGroup.Builder.create(scope, "ApiAccessLogs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(config.disposable() ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN)
                .build();
        LogGroupLogDestination destination = new LogGroupLogDestination(logs);
        AccessLogFormat format = AccessLogFormat.custom(json());
        return new IAccessLogSettings() {
            @Override
            public IAccessLogDestination getDestination() {
                return destination;
            }

            @Override
            public AccessLogFormat getFormat() {
                return format;
            }
        };
    }

    /**
     * A JSON object of the fields, every value quoted: a variable with nothing to say logs {@code -} (no integration for a
     * throttled request), which would break a bare number.
     */
    static String json() {
        return FIELDS.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("requestId", "$context.requestId");
        fields.put("requestTime", "$context.requestTime");
        fields.put("ip", "$context.identity.sourceIp");
        fields.put("httpMethod", "$context.httpMethod");
        fields.put("routeKey", "$context.routeKey");
        fields.put("path", "$context.path");
        fields.put("protocol", "$context.protocol");
        fields.put("status", "$context.status");
        fields.put("responseLength", "$context.responseLength");
        fields.put("responseLatency", "$context.responseLatency");
        fields.put("integrationLatency", "$context.integrationLatency");
        fields.put("integrationStatus", "$context.integrationStatus");
        fields.put("integrationError", "$context.integrationErrorMessage");
        fields.put("errorMessage", "$context.error.message");
        fields.put("userAgent", "$context.identity.userAgent");
        return fields;
    }
}
