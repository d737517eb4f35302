package io.tally.lambda.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hexagonal rules, stated once (STYLE rules 1 and 2): the domain sees only the JDK and itself;
 * adapters do not see each other (the fronts share the plumbing of adapters-sqs, which sees none of them); only the
 * composition root (io.tally.lambda.wiring) wires the DynamoDB adapter into the Lambda handlers.
 */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.tally");
    }

    @Test
    void theDomainDependsOnTheJdkAlone() {
        classes().that().resideInAPackage("io.tally.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.tally.domain..", "java..", "javax.crypto..")
                .because("the domain is framework-free: no Jackson, AWS, Dagger or adapter types")
                .check(production);
    }

    @Test
    void theDomainSeesNoAdapter() {
        noClasses().that().resideInAPackage("io.tally.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tally.dynamo..", "io.tally.lambda..",
                        "io.tally.local..", "io.tally.portal..", "io.tally.backoffice..", "io.tally.infra..", "io.tally.sqs..")
                .check(production);
    }

    @Test
    void theDynamoAdapterDoesNotSeeOtherAdapters() {
        noClasses().that().resideInAPackage("io.tally.dynamo..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tally.lambda..", "io.tally.local..",
                        "io.tally.portal..", "io.tally.infra..", "io.tally.sqs..", "com.amazonaws.services.lambda..")
                .check(production);
    }

    @Test
    void theSharedPlumbingSeesNoFrontAndNoStorageAdapter() {
        noClasses().that().resideInAPackage("io.tally.sqs..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tally.lambda..", "io.tally.portal..",
                        "io.tally.backoffice..", "io.tally.dynamo..", "io.tally.local..", "io.tally.infra..")
                .because("adapters-sqs sits below every Lambda front: they share it, it knows none of them")
                .check(production);
    }

    @Test
    void lambdaAdaptersReachStorageOnlyThroughTheCompositionRoot() {
        noClasses().that().resideInAPackage("io.tally.lambda..").and().resideOutsideOfPackage("io.tally.lambda.wiring..")
                .should().dependOnClassesThat().resideInAPackage("io.tally.dynamo..")
                .because("handlers talk to ports; only the Dagger wiring knows which adapter implements them")
                .check(production);
    }

    @Test
    void portalAdaptersReachStorageOnlyThroughTheirCompositionRoot() {
        noClasses().that().resideInAPackage("io.tally.portal..").and().resideOutsideOfPackage("io.tally.portal.wiring..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tally.dynamo..", "software.amazon.awssdk.services.dynamodb..")
                .because("the member pages talk to ports; only the portal's Dagger wiring knows the DynamoDB adapter")
                .check(production);
    }

    @Test
    void backOfficeReachesStorageOnlyThroughItsCompositionRoot() {
        noClasses().that().resideInAPackage("io.tally.backoffice..").and().resideOutsideOfPackage("io.tally.backoffice.wiring..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tally.dynamo..", "software.amazon.awssdk.services.dynamodb..")
                .because("the back office's pages talk to ports; only its Dagger wiring knows the DynamoDB adapter")
                .check(production);
    }

    @Test
    void theBackOfficeSeesNeitherTheMerchantApiNorThePortal() {
        noClasses().that().resideInAPackage("io.tally.backoffice..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tally.lambda..", "io.tally.portal..", "io.tally.infra..")
                .check(production);
    }

    @Test
    void thePortalDoesNotSeeTheMerchantApi() {
        noClasses().that().resideInAPackage("io.tally.portal..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tally.lambda..", "io.tally.infra..")
                .check(production);
    }

    @Test
    void storageTypesNeverLeakIntoHandlers() {
        noClasses().that().resideInAPackage("io.tally.lambda.http..").or().resideInAPackage("io.tally.lambda.merchant..")
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk.services.dynamodb..")
                .check(production);
    }

    /** Databind's mapper costs a cold start more than the rest of the JSON seam (docs/PERFORMANCE.md, issue 16). */
    @Test
    void theMerchantPathNeverStartsDatabindsMapper() {
        noClasses().that().resideInAnyPackage("io.tally.lambda.http..", "io.tally.lambda.merchant..", "io.tally.sqs.event..")
                .should().dependOnClassesThat().areAssignableTo(ObjectMapper.class)
                .orShould().callMethodWhere(target(name("toString")).and(target(owner(assignableTo(JsonNode.class)))))
                .check(production);
    }

    @Test
    void noAdapterSeesTheLocalRuntime() {
        noClasses().that().resideOutsideOfPackage("io.tally.local..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tally.local..", "org.elasticmq..")
                .check(production);
    }
}
