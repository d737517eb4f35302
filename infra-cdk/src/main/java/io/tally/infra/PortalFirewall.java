package io.tally.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACL.AllowActionProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.BlockActionProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.DefaultActionProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.ManagedRuleGroupStatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.OverrideActionProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.RateBasedStatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.RuleActionProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.RuleProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.StatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.VisibilityConfigProperty;
import software.constructs.Construct;

/**
 * The AWS WAF WebACL in front of the member pages, created by the stack only when it is itself in us-east-1 (WebACLs
 * of scope CLOUDFRONT exist only there; elsewhere the operator creates one with the same rules and passes its ARN as
 * {@code portalWebAclArn}). Allows by default; blocks addresses on Amazon's reputation list, any address over the
 * rate limit, and what the common and known-bad-inputs rule groups match. Every rule's counts reach CloudWatch
 * (namespace {@code AWS/WAFV2}) and sampled requests are kept, so a false positive can be found and excluded.
 */
final class PortalFirewall {
    /** Amazon's managed rule groups, in evaluation order (after the reputation list and the rate rule). */
    static final List<String> MANAGED_RULE_GROUPS = List.of(
            "AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet");
    static final String RATE_RULE = "RateLimitPerAddress";
    /** The window WAF counts each address's requests in, in seconds. */
    static final int RATE_WINDOW_SECONDS = 300;

    private PortalFirewall() {
    }

    static CfnWebACL create(Construct scope, StackConfig config, int rateLimit) {
        String name = "tally-" + config.brand() + "-" + config.stage() + "-portal";
        RuleProperty rate = RuleProperty.builder()
                .name(RATE_RULE)
                .priority(1)
                .action(RuleActionProperty.builder().block(BlockActionProperty.builder().build()).build())
                .statement(StatementProperty.builder().rateBasedStatement(RateBasedStatementProperty.builder()
                        .limit(rateLimit)
                        .aggregateKeyType("IP")
                        .evaluationWindowSec(RATE_WINDOW_SECONDS)
                        .build()).build())
                .visibilityConfig(visibility(name + "-" + RATE_RULE))
                .build();
        return CfnWebACL.Builder.create(scope, "PortalWebAcl")
                .name(name)
                .scope("CLOUDFRONT")
                .description("Tally member pages of " + config.brand() + " " + config.stage())
                .defaultAction(DefaultActionProperty.builder().allow(AllowActionProperty.builder().build()).build())
                .visibilityConfig(visibility(name))
                .rules(List.of(
                        managed(MANAGED_RULE_GROUPS.get(0), 0, name),
                        rate,
                        managed(MANAGED_RULE_GROUPS.get(1), 2, name),
                        managed(MANAGED_RULE_GROUPS.get(2), 3, name)))
                .build();
    }

    private static RuleProperty managed(String group, int priority, String webAcl) {
        return RuleProperty.builder()
                .name("AWS-" + group)
                .priority(priority)
                // the group's own actions (block) apply; an override of "count" would only observe
                .overrideAction(OverrideActionProperty.builder().none(Map.of()).build())
                .statement(StatementProperty.builder().managedRuleGroupStatement(ManagedRuleGroupStatementProperty.builder()
                        .vendorName("AWS")
                        .name(group)
                        .build()).build())
                .visibilityConfig(visibility(webAcl + "-" + group))
                .build();
    }

    private static VisibilityConfigProperty visibility(String metric) {
        return VisibilityConfigProperty.builder()
                .metricName(metric)
                .cloudWatchMetricsEnabled(true)
                .sampledRequestsEnabled(true)
                .build();
    }
}
