package io.tally.infra;

import static io.tally.infra.SynthesizedStacks.DEV;
import static io.tally.infra.SynthesizedStacks.PROD;
import static io.tally.infra.TallyStackTest.list;
import static io.tally.infra.TallyStackTest.map;
import static io.tally.infra.TallyStackTest.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.backoffice.wiring.OfficeSettings;
import io.tally.dynamo.table.TallyTable;
import io.tally.lambda.topology.FunctionId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** The back office's part of the stack: the staff pool and its client, the function's settings and its least privilege. */
class BackOfficeStackTest {

    @Test
    void theStaffPoolSignsInByEmailWithAStrongPasswordOptionalTotpAndRecoveryByEmail() {
        for (Template template : SynthesizedStacks.both()) {
            Map<String, Object> pool = properties(only(template, "AWS::Cognito::UserPool"));
            assertEquals(List.of("email"), pool.get("UsernameAttributes"));
            assertEquals(Map.of("CaseSensitive", false), pool.get("UsernameConfiguration"));
            assertEquals(Map.of("AllowAdminCreateUserOnly", true), pool.get("AdminCreateUserConfig"));
            assertEquals(Map.of("PasswordPolicy", Map.of("MinimumLength", StaffPool.MIN_PASSWORD_LENGTH,
                    "RequireLowercase", true, "RequireUppercase", true, "RequireNumbers", true, "RequireSymbols", true,
                    "TemporaryPasswordValidityDays", StaffPool.TEMPORARY_PASSWORD_DAYS)), pool.get("Policies"));
            assertEquals("OPTIONAL", pool.get("MfaConfiguration"));
            assertEquals(List.of("SOFTWARE_TOKEN_MFA"), pool.get("EnabledMfas"));
            assertEquals(Map.of("RecoveryMechanisms", List.of(Map.of("Name", "verified_email", "Priority", 1))),
                    pool.get("AccountRecoverySetting"));
        }
    }

    @Test
    void theStaffPoolStaysWithTheDataOfAProductionStack() {
        Map<String, Object> prod = only(PROD, "AWS::Cognito::UserPool");
        assertEquals("Retain", prod.get("DeletionPolicy"));
        assertEquals("ACTIVE", properties(prod).get("DeletionProtection"));
        assertEquals("Delete", only(DEV, "AWS::Cognito::UserPool").get("DeletionPolicy"));
    }

    @Test
    void theClientSignsInWithAPasswordWithoutSecretOrOAuth() {
        for (Template template : SynthesizedStacks.both()) {
            Map<String, Object> client = properties(only(template, "AWS::Cognito::UserPoolClient"));
            assertEquals(false, client.get("GenerateSecret"));
            assertEquals(Set.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
                    new HashSet<>(list(client.get("ExplicitAuthFlows"))));
            assertEquals(false, client.get("AllowedOAuthFlowsUserPoolClient"));
            assertEquals("ENABLED", client.get("PreventUserExistenceErrors"));
            assertEquals(60, client.get("AccessTokenValidity"));
            assertEquals(60, client.get("IdTokenValidity"));
            assertEquals(480, client.get("RefreshTokenValidity"));
            assertEquals(Map.of("Ref", id(template, "AWS::Cognito::UserPool")), client.get("UserPoolId"));
        }
    }

    @Test
    void theBackOfficeIsConfiguredWithThePoolTheClientAndItsOwnSecret() {
        for (Template template : SynthesizedStacks.both()) {
            Map<String, Object> variables = map(map(properties(function(template, FunctionId.BACK_OFFICE))
                    .get("Environment")).get("Variables"));
            assertEquals(Map.of("Ref", id(template, "AWS::Cognito::UserPool")), variables.get(OfficeSettings.USER_POOL_ID));
            assertEquals(Map.of("Ref", id(template, "AWS::Cognito::UserPoolClient")), variables.get(OfficeSettings.CLIENT_ID));
            assertTrue(String.valueOf(variables.get(OfficeSettings.OFFICE_SECRET)).contains("OfficeSigningSecret"),
                    "the signing secret is the stack's own Secrets Manager secret");
            assertTrue(variables.containsKey(OfficeSettings.EVENTS_QUEUE_URL));
            assertTrue(variables.containsKey(OfficeSettings.EMAILS_QUEUE_URL));
        }
    }

    @Test
    void onlyTheBackOfficeMayAdministerStaffAndOnlyWithTheActionsItCalls() {
        for (Template template : SynthesizedStacks.both()) {
            Map<String, Object> poolArn = Map.of("Fn::GetAtt", List.of(id(template, "AWS::Cognito::UserPool"), "Arn"));
            List<Map<String, Object>> cognito = new ArrayList<>();
            template.findResources("AWS::IAM::Policy").forEach((policyId, policy) -> {
                for (Object statement : statements(policy)) {
                    if (actions(statement).stream().anyMatch(a -> a.startsWith("cognito-idp:"))) {
                        assertTrue(policyId.startsWith("BackOffice"), policyId + " may call Cognito");
                        cognito.add(map(statement));
                    }
                }
            });
            assertEquals(1, cognito.size());
            assertEquals(new HashSet<>(StaffPool.ADMIN_ACTIONS), new HashSet<>(actions(cognito.get(0))));
            assertEquals(poolArn, cognito.get(0).get("Resource"));
        }
    }

    @Test
    void theBackOfficeReadsAndWritesSingleItemsOnTheTableAndItsIndexesByName() {
        for (Template template : SynthesizedStacks.both()) {
            String tableId = id(template, "AWS::DynamoDB::Table");
            List<Object> dynamo = new ArrayList<>();
            for (Object statement : statements(policyOf(template, "BackOffice"))) {
                if (actions(statement).stream().anyMatch(a -> a.startsWith("dynamodb:"))) {
                    dynamo.add(statement);
                }
            }
            assertEquals(1, dynamo.size(), "one statement: " + dynamo);
            assertEquals(new HashSet<>(TableAccess.ITEM_ACTIONS), new HashSet<>(actions(dynamo.get(0))));
            assertFalse(actions(dynamo.get(0)).contains("dynamodb:BatchWriteItem"));
            List<Object> resources = list(map(dynamo.get(0)).get("Resource"));
            assertEquals(1 + TallyTable.GSIS.size(), resources.size());
            assertEquals(Map.of("Fn::GetAtt", List.of(tableId, "Arn")), resources.get(0));
            for (TallyTable.Gsi gsi : TallyTable.GSIS) {
                assertTrue(resources.stream().anyMatch(r -> r.toString().contains("/index/" + gsi.name())), gsi.name());
            }
            assertFalse(resources.toString().contains("/index/*"), "indexes by name, not a wildcard");
        }
    }

    @Test
    void outputsNameThePoolAndTheClient() {
        Map<String, Map<String, Object>> outputs = PROD.findOutputs("*");
        assertEquals(Map.of("Ref", id(PROD, "AWS::Cognito::UserPool")), outputs.get("StaffUserPoolId").get("Value"));
        assertEquals(Map.of("Ref", id(PROD, "AWS::Cognito::UserPoolClient")),
                outputs.get("StaffUserPoolClientId").get("Value"));
    }

    private static Map<String, Object> only(Template template, String type) {
        Map<String, Map<String, Object>> found = template.findResources(type);
        assertEquals(1, found.size(), "one " + type);
        return found.values().iterator().next();
    }

    private static String id(Template template, String type) {
        Map<String, Map<String, Object>> found = template.findResources(type);
        assertEquals(1, found.size(), "one " + type);
        return found.keySet().iterator().next();
    }

    private static Map<String, Object> function(Template template, FunctionId id) {
        return template.findResources("AWS::Lambda::Function").values().stream()
                .filter(f -> id.handler().equals(properties(f).get("Handler"))).findFirst().orElseThrow();
    }

    static Map<String, Object> policyOf(Template template, String prefix) {
        var found = template.findResources("AWS::IAM::Policy").entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix)).toList();
        assertEquals(1, found.size(), "one policy of " + prefix);
        return found.get(0).getValue();
    }

    static List<Object> statements(Map<String, Object> policy) {
        return list(map(properties(policy).get("PolicyDocument")).get("Statement"));
    }

    static List<String> actions(Object statement) {
        Object action = map(statement).get("Action");
        return action instanceof List<?> many ? many.stream().map(Object::toString).toList() : List.of(action.toString());
    }
}
