package io.tally.infra;

import static io.tally.infra.BackOfficeStackTest.actions;
import static io.tally.infra.BackOfficeStackTest.policyOf;
import static io.tally.infra.BackOfficeStackTest.statements;
import static io.tally.infra.TallyStackTest.map;
import static io.tally.infra.TallyStackTest.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.dynamo.table.TallyTable;
import io.tally.lambda.topology.FunctionId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** Each function's table statement lists exactly what {@link TableAccess} states for it, and its secrets only theirs. */
class LeastPrivilegeTest {

    @Test
    void every_function_states_its_table_access() {
        for (FunctionId id : FunctionId.values()) {
            TableAccess.of(id);
        }
    }

    @Test
    void each_function_may_use_only_its_table_actions_and_query_only_its_indexes_by_name() {
        for (Template template : SynthesizedStacks.both()) {
            String tableId = template.findResources("AWS::DynamoDB::Table").keySet().iterator().next();
            for (FunctionId id : FunctionId.values()) {
                List<Map<String, Object>> dynamo = new ArrayList<>();
                for (Object statement : statements(policyOf(template, Names.pascal(id.name()) + "Role"))) {
                    if (actions(statement).stream().anyMatch(a -> a.startsWith("dynamodb:"))) {
                        dynamo.add(map(statement));
                    }
                }
                assertEquals(1, dynamo.size(), id + ": one table statement: " + dynamo);
                TableAccess.Access expected = TableAccess.of(id);
                assertEquals(new HashSet<>(expected.actions()), new HashSet<>(actions(dynamo.get(0))), id + " actions");
                Object resource = dynamo.get(0).get("Resource");
                List<?> resources = resource instanceof List<?> many ? many : List.of(resource);
                assertTrue(resources.contains(Map.of("Fn::GetAtt", List.of(tableId, "Arn"))), id + " names the table");
                Set<String> indexes = resources.stream().map(r -> IamResources.indexName(r, tableId))
                        .flatMap(java.util.Optional::stream).collect(Collectors.toSet());
                assertEquals(expected.indexes().stream().map(TallyTable.Gsi::name).collect(Collectors.toSet()), indexes,
                        id + " queries exactly its indexes");
                assertEquals(1 + expected.indexes().size(), resources.size(), id + ": the table and its indexes, nothing else");
            }
        }
    }

    @Test
    void no_function_may_describe_scan_or_check_conditions_on_the_table_and_only_the_jobs_and_the_segment_evaluator_batch_write() {
        for (Template template : SynthesizedStacks.both()) {
            template.findResources("AWS::IAM::Policy").forEach((policyId, policy) -> {
                String text = properties(policy).toString();
                for (String action : List.of("dynamodb:DescribeTable",
                        "dynamodb:ConditionCheckItem", "dynamodb:Scan", "/index/*")) {
                    assertFalse(text.contains(action), policyId + " allows " + action);
                }
                // the jobs (the rollups' parts) and the segment evaluator (a page's member items, A90)
                assertEquals(policyId.startsWith(Names.pascal(FunctionId.JOBS.name()) + "Role")
                                || policyId.startsWith(Names.pascal(FunctionId.SEGMENT_EVALUATOR.name()) + "Role"),
                        text.contains("dynamodb:BatchWriteItem"), policyId + " and BatchWriteItem");
            });
        }
    }

    @Test
    void the_generated_secrets_reach_only_the_functions_that_read_them() {
        assertEquals(Set.of(FunctionId.PORTAL, FunctionId.JOBS, FunctionId.BACK_OFFICE, FunctionId.MAILER,
                FunctionId.EVENTS_CONSUMER),
                Functions.PORTAL_SECRET_READERS);
        assertEquals(Set.of(FunctionId.MERCHANT_API, FunctionId.PORTAL, FunctionId.JOBS),
                Functions.SEAL_SECRET_READERS);
        for (Template template : SynthesizedStacks.both()) {
            template.findResources("AWS::Lambda::Function").values().forEach(function -> {
                Map<String, Object> variables = map(map(properties(function).get("Environment")).get("Variables"));
                FunctionId id = java.util.Arrays.stream(FunctionId.values())
                        .filter(f -> f.handler().equals(properties(function).get("Handler"))).findFirst().orElseThrow();
                assertEquals(Functions.PORTAL_SECRET_READERS.contains(id), variables.containsKey(Functions.PORTAL_SECRET_VARIABLE), id.name());
                assertEquals(Functions.SEAL_SECRET_READERS.contains(id), variables.containsKey(Functions.SEAL_SECRET_VARIABLE), id.name());
            });
        }
    }
}
