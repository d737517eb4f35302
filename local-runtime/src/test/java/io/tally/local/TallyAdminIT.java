package io.tally.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.lambda.admin.TallyAdmin;
import io.tally.lambda.wiring.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operator's command line against a running stack: seed, create a key, use it, list, revoke. */
class TallyAdminIT {
    private static LocalTally tally;
    private static Map<String, String> env;

    @BeforeAll
    static void start() {
        tally = LocalTally.start(LocalPlatformConfig.defaults(Path.of("target", "admin-it")).withHttpPort(0)
                .withRepoRoot(MerchantSliceIT.repoRoot()));
        env = new HashMap<>(tally.endpoints().queueUrlEnvironment());
        env.put(Settings.TABLE_NAME, tally.endpoints().tableName());
        env.put(Settings.DYNAMODB_ENDPOINT, tally.endpoints().dynamoEndpoint().toString());
        env.put(Settings.SQS_ENDPOINT, tally.endpoints().sqsEndpoint().toString());
    }

    @AfterAll
    static void stop() {
        if (tally != null) {
            tally.close();
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run admin(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = TallyAdmin.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void createUseListAndRevokeAKey() {
        String seed = MerchantSliceIT.repoRoot().resolve("demo/seed.json").toString();
        assertEquals(1, admin("seed", seed).exit(), "a seed that states secrets is refused without --local");
        assertEquals(0, admin("seed", seed, "--local").exit());

        Run created = admin("keys", "create", "DEMO", "web-shop", "Web", "shop");
        assertEquals(0, created.exit(), created.err());
        Matcher m = Pattern.compile("secret: ([0-9a-f]{64})").matcher(created.out());
        assertTrue(m.find(), created.out());
        String secret = m.group(1);
        assertEquals(1, admin("keys", "create", "DEMO", "web-shop").exit(), "a key id is never reused");

        var web = new MerchantClient(tally.endpoints().baseUrl(), "web-shop", secret, "DEMO", "DEMOWEB", "web");
        assertEquals(200, web.send("listValueType", "{}").statusCode());

        Run listed = admin("keys", "list", "DEMO");
        assertTrue(listed.out().contains("web-shop\tactive"), listed.out());
        assertTrue(listed.out().contains("demo-pos\tactive"), listed.out());
        assertFalse(listed.out().contains(secret), "secrets are never listed");

        assertEquals(1, admin("keys", "revoke", "OTHER", "web-shop").exit(), "another brand cannot revoke it");
        assertEquals(0, admin("keys", "revoke", "DEMO", "web-shop").exit());
        assertEquals(401, web.send("listValueType", "{}").statusCode(), "a revoked key never authenticates again");
        assertTrue(admin("keys", "list", "DEMO").out().contains("web-shop\trevoked"));
    }

    @Test
    void usageAndConfigurationProblemsExitWithTwo() {
        assertEquals(2, admin().exit());
        assertEquals(2, admin("frobnicate").exit());
        assertEquals(2, TallyAdmin.run(new String[] {"keys", "list", "DEMO"}, Map.of(),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())));
    }

    @Test
    void listPutAndRemoveCampaigns() throws Exception {
        String seed = MerchantSliceIT.repoRoot().resolve("demo/seed.json").toString();
        assertEquals(0, admin("seed", seed, "--local").exit());

        Run listed = admin("campaigns", "list", "DEMO");
        assertEquals(0, listed.exit(), listed.err());
        assertTrue(listed.out().contains("PUNCH-REWARD\tpriority 20\tenabled"), listed.out());
        assertTrue(listed.out().contains("when Punches balance at least 10"), listed.out());
        assertTrue(listed.out().contains("then give a coupon of set FREE-COFFEE; take 10 from Punches"), listed.out());

        Path file = Path.of("target", "admin-it-campaigns.json");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, """
                {"campaigns": [{"id": "MUFFIN", "name": "50 cents off food", "priority": 50,
                  "conditions": [{"kind": "inBasket", "tag": "food"}],
                  "results": [{"kind": "discount", "amount": "0.50", "tag": "food"}],
                  "limits": {"perCardPerPeriod": {"times": 1, "period": "P1D"}}}]}""");
        Run put = admin("campaigns", "put", "DEMO", file.toString());
        assertEquals(0, put.exit(), put.err());
        assertTrue(put.out().contains("1 campaigns written"), put.out());
        assertTrue(admin("campaigns", "put", "DEMO", file.toString()).out().contains("Nothing to change."));
        assertTrue(admin("campaigns", "list", "DEMO").out().contains("limits 1 per card per day"));

        java.nio.file.Files.writeString(file, """
                {"campaigns": [{"id": "TEA", "conditions": [{"kind": "inBasket", "tag": "tea"}],
                  "results": [{"kind": "discount", "percent": "120"}]}]}""");
        Run refused = admin("campaigns", "put", "DEMO", file.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("SKU tag 'tea' is not defined"), refused.err());
        assertTrue(refused.err().contains("a percentage is at most 100"), refused.err());

        assertEquals(0, admin("campaigns", "remove", "DEMO", "MUFFIN").exit());
        assertEquals(1, admin("campaigns", "remove", "DEMO", "MUFFIN").exit());
        assertFalse(admin("campaigns", "list", "DEMO").out().contains("MUFFIN"));
    }
}
