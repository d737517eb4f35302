package io.tally.infra;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * The AWS Solutions checks of cdk-nag ({@link SynthesizedStacks} and {@link OptionalSettingsStackTest} apply them to
 * every stack they build, with every optional setting exercised: custom domain, e-mail domain, customer-managed key,
 * the member pages' domain behind CloudFront and WAF, an existing table). Any error or warning not suppressed
 * in {@link Compliance} (each suppression names its rule and reason) fails here, and each finding is printed with its
 * rule, construct path and message so a reviewer sees what to fix.
 */
class CdkNagTest {

    @Test
    void every_stack_passes_the_aws_solutions_checks_or_suppresses_a_finding_with_a_reason() {
        List<String> findings = new ArrayList<>();
        List<TallyStack> stacks = new ArrayList<>(SynthesizedStacks.STACKS);
        stacks.addAll(OptionalSettingsStackTest.STACKS);
        for (TallyStack stack : stacks) {
            Annotations annotations = Annotations.fromStack(stack);
            annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))
                    .forEach(message -> findings.add(describe("error", stack, message)));
            annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))
                    .forEach(message -> findings.add(describe("warning", stack, message)));
        }
        findings.forEach(System.out::println);
        assertTrue(findings.isEmpty(), findings.size() + " unsuppressed cdk-nag finding(s):\n" + String.join("\n", findings));
    }

    private static String describe(String level, TallyStack stack, SynthesisMessage message) {
        String text = String.valueOf(message.getEntry().getData()).strip().replaceAll("\\s+", " ");
        String rule = text.indexOf(':') > 0 ? text.substring(0, text.indexOf(':')) : text;
        return level + " " + rule + " at " + message.getId() + ": " + text.substring(rule.length()).replaceFirst("^: ", "");
    }
}
