package io.tally.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The IAM walk itself must reject what it is there to catch. */
class IamResourcesTest {
    private static final Set<String> OWN = Set.of("Table", "Queue");

    @Test
    void acceptsReferencesAndValuesBuiltFromThem() {
        assertTrue(IamResources.referencesOwnResource(Map.of("Ref", "Queue"), OWN));
        assertTrue(IamResources.referencesOwnResource(Map.of("Fn::GetAtt", List.of("Table", "Arn")), OWN));
        assertTrue(IamResources.referencesOwnResource(
                Map.of("Fn::Join", List.of("", List.of(Map.of("Fn::GetAtt", List.of("Table", "Arn")), "/index/*"))), OWN));
        assertTrue(IamResources.referencesOwnResource(Map.of("Fn::Sub", "${Table.Arn}/index/*"), OWN));
    }

    @Test
    void rejectsWildcardsLiteralsAndForeignOrPseudoReferences() {
        assertFalse(IamResources.referencesOwnResource("*", OWN));
        assertFalse(IamResources.referencesOwnResource("arn:aws:dynamodb:eu-west-1:123456789012:table/other", OWN));
        assertFalse(IamResources.referencesOwnResource(Map.of("Ref", "SomethingElse"), OWN));
        assertFalse(IamResources.referencesOwnResource(Map.of("Fn::Join", List.of("", List.of(
                "arn:aws:sqs:", Map.of("Ref", "AWS::Region"), ":*"))), OWN));
    }

    @Test
    void reads_the_index_a_resource_names_and_nothing_else() {
        Map<String, Object> tableArn = Map.of("Fn::GetAtt", List.of("Table", "Arn"));
        assertEquals(Optional.of("GSI2"), IamResources.indexName(Map.of("Fn::Join", List.of("", List.of(tableArn, "/index/GSI2"))), "Table"));
        assertEquals(Optional.of("*"), IamResources.indexName(Map.of("Fn::Join", List.of("", List.of(tableArn, "/index/*"))), "Table"));
        assertEquals(Optional.empty(), IamResources.indexName(tableArn, "Table"));
        assertEquals(Optional.empty(), IamResources.indexName(Map.of("Fn::Join", List.of("", List.of(
                Map.of("Fn::GetAtt", List.of("Other", "Arn")), "/index/GSI2"))), "Table"));
    }

    @Test
    void recognises_only_the_x_ray_statement_of_active_tracing() {
        assertTrue(IamResources.isXRayTracing(Map.of("Action", List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords"),
                "Resource", "*")));
        assertFalse(IamResources.isXRayTracing(Map.of("Action", List.of("xray:PutTraceSegments", "dynamodb:GetItem"),
                "Resource", "*")));
        assertFalse(IamResources.isXRayTracing(Map.of("Action", "xray:GetTraceSummaries", "Resource", "*")));
    }
}
