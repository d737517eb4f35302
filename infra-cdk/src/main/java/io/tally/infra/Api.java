package io.tally.infra;

import io.tally.lambda.topology.FunctionId;
import io.tally.lambda.topology.Route;
import io.tally.lambda.topology.Routes;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.DomainMappingOptions;
import software.amazon.awscdk.services.apigatewayv2.DomainName;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.HttpRouteKey;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.constructs.Construct;

/**
 * The HTTP API: exactly the routes of {@link Routes#ALL}, each integrated with its function's live
 * alias (payload format 2.0, the {@code APIGatewayV2HTTPEvent} the handlers read); the fallback as the
 * {@code $default} route, so an unknown path is answered in the merchant API's envelope, not API Gateway's.
 *
 * <p>No API-level CORS configuration: when an HTTP API has {@code corsPreflight}, API Gateway answers
 * every OPTIONS request itself and never invokes the OPTIONS route, so the merchant handler's own
 * preflight answer (the one the local runtime serves too) would be shadowed and the two could differ.
 */
final class Api {
    static final String STAGE = "$default";

    /** The API, its stage and the custom domain if one was configured. */
    record Deployed(HttpApi api, HttpStage stage, DomainName domain) {
    }

    private Api() {
    }

    static Deployed create(Construct scope, StackConfig config, Map<FunctionId, Functions.Deployed> functions) {
        HttpApi api = HttpApi.Builder.create(scope, "HttpApi")
                .apiName("tally-" + config.brand() + "-" + config.stage())
                .description("Tally merchant API (" + config.brand() + " " + config.stage() + ")")
                .createDefaultStage(false)
                .build();
        DomainName domain = config.customDomain()
                .map(custom -> DomainName.Builder.create(scope, "CustomDomain")
                        .domainName(custom.domainName())
                        .certificate(Certificate.fromCertificateArn(scope, "CustomDomainCertificate", custom.certificateArn()))
                        .build())
                .orElse(null);
        HttpStage.Builder stage = HttpStage.Builder.create(scope, "DefaultStage")
                .httpApi(api)
                .stageName(STAGE)
                .autoDeploy(true)
                .accessLogSettings(ApiAccessLogs.create(scope, config))
                .throttle(ThrottleSettings.builder()
                        .rateLimit(config.throttle().rateLimit())
                        .burstLimit(config.throttle().burstLimit())
                        .build());
        if (domain != null) {
            stage.domainMapping(DomainMappingOptions.builder().domainName(domain).build());
        }
        HttpStage built = stage.build();

        Map<FunctionId, HttpLambdaIntegration> integrations = new EnumMap<>(FunctionId.class);
        for (Route route : Routes.ALL) {
            HttpLambdaIntegration integration = integrations.computeIfAbsent(route.function(),
                    id -> new HttpLambdaIntegration(Names.pascal(id.name()) + "Integration", functions.get(id).alias()));
            if (route.isFallback()) {
                // API Gateway sends here only what no other route matches, whatever their order
                HttpRoute.Builder.create(scope, "DefaultRoute").httpApi(api).routeKey(HttpRouteKey.DEFAULT)
                        .integration(integration).build();
                continue;
            }
            api.addRoutes(AddRoutesOptions.builder()
                    .path(route.path())
                    .methods(List.of(HttpMethod.valueOf(route.method())))
                    .integration(integration)
                    .build());
        }
        return new Deployed(api, built, domain);
    }
}
