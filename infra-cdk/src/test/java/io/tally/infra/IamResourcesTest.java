package io.tally.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
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
}
