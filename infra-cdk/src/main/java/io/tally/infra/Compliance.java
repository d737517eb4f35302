package io.tally.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;

/**
 * The findings of cdk-nag's AWS Solutions checks this stack keeps on purpose, each on the resources it concerns with
 * the reason (infra-cdk/README.md, "Compliance: cdk-nag", lists them). Everything else the checks ask for is fixed in
 * the stack itself. They live in main code, so {@code cdk synth -c nag=true} carries them as the tests do.
 */
final class Compliance {
    static final String ROUTES_AUTHENTICATE_THEMSELVES = "Every route authenticates in its function: the merchant API "
            + "with its own Basic-auth API keys (salted hashes in the table, revocable, rate-limited per key: docs/API.md), "
            + "the member portal and the back office with their own signed sessions and CSRF tokens (the back office "
            + "signs staff in through Cognito itself); the OpenAPI document, CORS preflights and the 404 envelope are "
            + "public by design. An API Gateway authorizer would add a second, different check and a cold start.";
    static final String SECRETS_NOT_ROTATED = "A generated signing or sealing key, not a credential of another service: "
            + "an automatic rotation would invalidate everything it signed or sealed (links in sent e-mails, sessions, "
            + "sealed PINs at rest). Rotate by hand when needed, as the runbook describes (infra-cdk/README.md).";
    static final String RUNTIME_PINNED = "java21 is the runtime the functions' SnapStart priming and cold-start figures "
            + "are measured and tested on (docs/PERFORMANCE.md); a newer Java runtime is a deliberate upgrade after a "
            + "benchmark run, not a side effect of a library update.";
    static final String XRAY_HAS_NO_RESOURCES = "X-Ray's PutTraceSegments and PutTelemetryRecords (added by active "
            + "tracing) support no resource-level permissions: '*' is the only resource they accept.";
    static final String TABLE_KEY_GRANT = "CDK's encrypt/decrypt grant on the table's own customer-managed key: the "
            + "statement names that key alone; kms:GenerateDataKey* and kms:ReEncrypt* are the variants DynamoDB calls.";
    static final String MFA_OPTIONAL = "Staff may enrol a TOTP second factor (the back office offers it); requiring it "
            + "would lock out every staff member created before enrolment. Staff are created by an admin only "
            + "(no self sign-up) with 12+ character passwords.";
    static final String THREAT_PROTECTION_OPT_IN = "Cognito threat protection (advanced security) needs the Plus "
            + "feature plan, billed per monthly active user; a brand may switch it on for its small, admin-created staff "
            + "pool. Sign-in errors never reveal whether a user exists and tokens are revocable.";

    /** Rule ids, reasons and (for IAM5) the findings they cover, per CloudFormation resource type. */
    private static final Map<String, List<NagPackSuppression>> BY_TYPE = Map.of(
            "AWS::ApiGatewayV2::Route", List.of(rule("AwsSolutions-APIG4", ROUTES_AUTHENTICATE_THEMSELVES)),
            "AWS::SecretsManager::Secret", List.of(rule("AwsSolutions-SMG4", SECRETS_NOT_ROTATED)),
            "AWS::Lambda::Function", List.of(rule("AwsSolutions-L1", RUNTIME_PINNED)),
            "AWS::Cognito::UserPool", List.of(rule("AwsSolutions-COG2", MFA_OPTIONAL),
                    rule("AwsSolutions-COG3", THREAT_PROTECTION_OPT_IN)),
            "AWS::IAM::Policy", List.of(
                    rule("AwsSolutions-IAM5", XRAY_HAS_NO_RESOURCES, "Resource::*"),
                    rule("AwsSolutions-IAM5", TABLE_KEY_GRANT, "Action::kms:GenerateDataKey*", "Action::kms:ReEncrypt*")));

    static final String LOG_BUCKET_NOT_LOGGED = "This bucket receives access logs itself (CloudFront's standard logs of "
            + "the member pages): logging its own access to a further bucket would only move the question one bucket on.";
    static final String NO_GEO_RESTRICTION = "A brand's members may be anywhere its cards are sold or sent; the WebACL "
            + "(IP reputation, rate limit, common and known-bad-input rules) protects the pages. A brand that sells in "
            + "one country only may add a geo restriction in its own fork of PortalDistribution.";

    private Compliance() {
    }

    /** A finding kept on one resource only (not on every resource of its type), with its reason. */
    static void keep(IConstruct resource, String rule, String reason) {
        NagSuppressions.addResourceSuppressions(resource, List.of(rule(rule, reason)), true);
    }

    /** Adds the suppressions to this stack's resources of each type above (each resource itself, not its children). */
    static void apply(Stack stack) {
        for (IConstruct construct : stack.getNode().findAll()) {
            if (construct instanceof CfnResource resource) {
                List<NagPackSuppression> suppressions = BY_TYPE.get(resource.getCfnResourceType());
                if (suppressions != null) {
                    NagSuppressions.addResourceSuppressions(resource, suppressions, false);
                }
            }
        }
    }

    private static NagPackSuppression rule(String id, String reason, String... appliesTo) {
        NagPackSuppression.Builder rule = NagPackSuppression.builder().id(id).reason(reason);
        if (appliesTo.length > 0) {
            rule.appliesTo(List.<Object>of((Object[]) appliesTo));
        }
        return rule.build();
    }
}
