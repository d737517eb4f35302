package io.tally.infra;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * The statement active tracing adds to a function's role: only X-Ray's write actions, on {@code "*"}, the one
     * resource they accept (they support no resource-level permissions).
     */
    static boolean isXRayTracing(Map<String, Object> statement) {
        Object action = statement.get("Action");
        List<?> actions = action instanceof List<?> many ? many : List.of(action);
        return "*".equals(statement.get("Resource")) && !actions.isEmpty()
                && actions.stream().allMatch(a -> a.equals("xray:PutTraceSegments") || a.equals("xray:PutTelemetryRecords"));
    }

    /**
     * The table index a resource names, {@code <table arn>/index/<name>} built with {@code Fn::Join}, or empty (the
     * table itself, or anything else). A wildcard index comes back as {@code "*"}.
     */
    static Optional<String> indexName(Object resource, String tableLogicalId) {
        if (!(resource instanceof Map<?, ?> intrinsic) || !(intrinsic.get("Fn::Join") instanceof List<?> join)
                || join.size() != 2 || !(join.get(1) instanceof List<?> parts) || parts.size() != 2) {
            return Optional.empty();
        }
        boolean onTable = Map.of("Fn::GetAtt", List.of(tableLogicalId, "Arn")).equals(parts.get(0));
        String suffix = String.valueOf(parts.get(1));
        return onTable && suffix.startsWith("/index/")
                ? Optional.of(suffix.substring("/index/".length())) : Optional.empty();
    }

    private static boolean subReferences(String template, Set<String> ownLogicalIds) {
        return ownLogicalIds.stream().anyMatch(id -> template.contains("${" + id + "}") || template.contains("${" + id + "."));
    }
}
