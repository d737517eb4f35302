package io.tally.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.Function;
import software.amazon.awscdk.services.cloudfront.FunctionAssociation;
import software.amazon.awscdk.services.cloudfront.FunctionCode;
import software.amazon.awscdk.services.cloudfront.FunctionEventType;
import software.amazon.awscdk.services.cloudfront.FunctionRuntime;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.OriginSslPolicy;
import software.amazon.awscdk.services.cloudfront.SecurityPolicyProtocol;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The member pages on the brand's own domain ({@code -c portalDomainName=members.acme.example}): a CloudFront
 * distribution whose origin is the stack's HTTP API (its execute-api host, so it needs no DNS of its own), guarded by
 * an AWS WAF WebACL ({@link PortalFirewall}, or the one {@code portalWebAclArn} names).
 *
 * <p>Why CloudFront and not a second API Gateway custom domain: a domain mapping exposes the whole stage (merchant
 * methods, back office) on the members' host, and WAF cannot attach to an HTTP API at all; CloudFront serves only the
 * member pages and carries the WebACL.
 *
 * <p>Behaviours: {@code /portal/*.css} (the shared stylesheet and the brand's theme) is cached as the portal's
 * {@code Cache-Control} says; every other {@code /portal/*} request is never cached and reaches the portal with every
 * viewer header, cookie (session, CSRF) and query string except {@code Host} (API Gateway routes by its own host
 * name). The portal writes links in e-mails with {@code TALLY_PORTAL_ORIGIN}, which the stack sets to this domain,
 * so it never needs the viewer's host. Every origin request carries {@link #EDGE_HEADER} with a generated secret: the
 * portal serves only those (so the WAF cannot be bypassed through the API's own host) and takes the client's address
 * for its per-client limits from {@code CloudFront-Viewer-Address}, which the origin request policy forwards. Anything else is answered at the edge: {@code /} redirects to the brand's
 * pages, all other paths are 404, so the back office and the merchant API are not reachable on this host.
 */
final class PortalDistribution {
    static final String PAGES = "/portal/*";
    static final String STYLESHEETS = "/portal/*.css";
    static final Duration LOG_RETENTION = Duration.days(90);

    /** The distribution and the ARN of the WebACL that guards it. */
    record Deployed(Distribution distribution, String webAclArn) {
    }

    private PortalDistribution() {
    }

    /** The origin header that proves a request came through the distribution (the portal refuses the others). */
    static final String EDGE_HEADER = "X-Tally-Edge";

    /** @param edgeSecret the value of {@link #EDGE_HEADER}, a generated secret the portal function also gets */
    static Optional<Deployed> create(Construct scope, StackConfig config, HttpApi api, Optional<String> edgeSecret) {
        return config.portalDomain().map(domain -> create(scope, config, domain, api, edgeSecret.orElseThrow()));
    }

    private static Deployed create(Construct scope, StackConfig config, StackConfig.PortalDomain domain, HttpApi api,
                                   String edgeSecret) {
        String webAclArn = domain.webAclArn()
                .orElseGet(() -> PortalFirewall.create(scope, config, domain.rateLimit()).getAttrArn());
        Stack stack = Stack.of(scope);
        HttpOrigin origin = HttpOrigin.Builder.create(api.getApiId() + ".execute-api." + stack.getRegion() + "." + stack.getUrlSuffix())
                .protocolPolicy(OriginProtocolPolicy.HTTPS_ONLY)
                .originSslProtocols(List.of(OriginSslPolicy.TLS_V1_2))
                .customHeaders(Map.of(EDGE_HEADER, edgeSecret))
                .build();
        Map<String, BehaviorOptions> behaviours = new LinkedHashMap<>(); // in order of precedence
        behaviours.put(STYLESHEETS, BehaviorOptions.builder()
                .origin(origin)
                .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                .allowedMethods(AllowedMethods.ALLOW_GET_HEAD)
                .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                .compress(true)
                .build());
        behaviours.put(PAGES, BehaviorOptions.builder()
                .origin(origin)
                .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                .allowedMethods(AllowedMethods.ALLOW_ALL)
                .cachePolicy(CachePolicy.CACHING_DISABLED)
                .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                .compress(true)
                .build());
        Function edge = Function.Builder.create(scope, "PortalEdgeFunction")
                .comment("Tally " + config.brand() + " " + config.stage() + ": / to the member pages, 404 elsewhere")
                .runtime(FunctionRuntime.JS_2_0)
                .code(FunctionCode.fromInline(edgeCode(config.brand())))
                .build();
        Distribution distribution = Distribution.Builder.create(scope, "PortalDistribution")
                .comment("Tally member pages (" + config.brand() + " " + config.stage() + ")")
                .domainNames(List.of(domain.domainName()))
                .certificate(Certificate.fromCertificateArn(scope, "PortalCertificate", domain.certificateArn()))
                .minimumProtocolVersion(SecurityPolicyProtocol.TLS_V1_2_2021)
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(origin)
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .allowedMethods(AllowedMethods.ALLOW_GET_HEAD)
                        .cachePolicy(CachePolicy.CACHING_DISABLED)
                        .functionAssociations(List.of(FunctionAssociation.builder()
                                .function(edge).eventType(FunctionEventType.VIEWER_REQUEST).build()))
                        .build())
                .additionalBehaviors(behaviours)
                .webAclId(webAclArn)
                .enableLogging(true)
                .logBucket(logBucket(scope, config))
                .logFilePrefix("portal/")
                .build();
        Compliance.keep(distribution, "AwsSolutions-CFR1", Compliance.NO_GEO_RESTRICTION);
        output(scope, "PortalDomainTarget", distribution.getDistributionDomainName(),
                "Point the member pages' domain (CNAME, or a Route 53 alias) here");
        output(scope, "PortalDistributionId", distribution.getDistributionId(),
                "The member pages' CloudFront distribution (aws cloudfront create-invalidation --distribution-id)");
        output(scope, "PortalUrl", config.portalOrigin().orElseThrow() + "/portal/" + config.brand(), "The member pages");
        output(scope, "PortalWebAclArn", webAclArn, "The WAF WebACL in front of the member pages");
        return new Deployed(distribution, webAclArn);
    }

    /**
     * CloudFront's standard logs: delivered with object ACLs (hence object-writer ownership), never public, TLS only,
     * expired after {@link #LOG_RETENTION}. Retained with the stack's data outside disposable stages.
     */
    private static Bucket logBucket(Construct scope, StackConfig config) {
        Bucket bucket = Bucket.Builder.create(scope, "PortalAccessLogs")
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.OBJECT_WRITER)
                .lifecycleRules(List.of(LifecycleRule.builder().expiration(LOG_RETENTION).build()))
                .removalPolicy(config.disposable() ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN)
                .build();
        Compliance.keep(bucket, "AwsSolutions-S1", Compliance.LOG_BUCKET_NOT_LOGGED);
        return bucket;
    }

    /** The viewer-request function of the default behaviour (brand names are letters, digits and '-': no escaping). */
    static String edgeCode(String brand) {
        return """
                function handler(event) {
                  if (event.request.uri === '/') {
                    return { statusCode: 302, statusDescription: 'Found',
                      headers: { location: { value: '/portal/%s' }, 'cache-control': { value: 'no-store' } } };
                  }
                  return { statusCode: 404, statusDescription: 'Not Found', headers: { 'cache-control': { value: 'no-store' } } };
                }
                """.formatted(brand);
    }

    private static void output(Construct scope, String id, String value, String description) {
        CfnOutput.Builder.create(scope, id).value(value).description(description).build();
    }
}
