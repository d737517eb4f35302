package io.tally.infra;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether an IAM statement's Resource names something this template creates: a
 * {@code Ref} or {@code Fn::GetAtt} of one of its resources, or a value built from one
 * ({@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split}, {@code Fn::Sub} of such a reference,
 * e.g. {@code <table arn>/index/*}). Literal strings, {@code "*"} and pseudo parameters alone do not count.
 */
final class IamResources {
    private IamResources() {
    }

    static boolean referencesOwnResource(Object value, Set<String> ownLogicalIds) {
        if (!(value instanceof Map<?, ?> intrinsic) || intrinsic.size() != 1) {
            return false;
        }
        Map.Entry<?, ?> only = intrinsic.entrySet().iterator().next();
        Object argument = only.getValue();
        return switch (only.getKey().toString()) {
            case "Ref" -> ownLogicalIds.contains(argument.toString());
            case "Fn::GetAtt" -> argument instanceof List<?> parts
                    ? ownLogicalIds.contains(parts.get(0).toString())
                    : ownLogicalIds.contains(argument.toString().split("\\.")[0]);
            case "Fn::Join" -> argument instanceof List<?> parts && parts.size() == 2 && parts.get(1) instanceof List<?> joined
                    && joined.stream().anyMatch(part -> referencesOwnResource(part, ownLogicalIds));
            case "Fn::Select", "Fn::Split" -> argument instanceof List<?> parts
                    && parts.stream().anyMatch(part -> referencesOwnResource(part, ownLogicalIds));
            case "Fn::Sub" -> argument instanceof String template && subReferences(template, ownLogicalIds);
            default -> false;
        };
    }

    private static boolean subReferences(String template, Set<String> ownLogicalIds) {
        return ownLogicalIds.stream().anyMatch(id -> template.contains("${" + id + "}") || template.contains("${" + id + "."));
    }
}
