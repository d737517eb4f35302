package io.tally.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.coupon.CouponCode;
import io.tally.domain.coupon.CouponPort;
import io.tally.domain.coupon.CouponSet;
import io.tally.domain.coupon.CouponSetId;
import io.tally.domain.coupon.bulk.GeneratedCodes;
import io.tally.domain.coupon.bulk.LoadJob;
import io.tally.domain.coupon.bulk.LoadJobId;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.dynalite.LocalDynamo;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.lambda.admin.CouponsCommand;
import io.tally.lambda.admin.TallyAdmin;
import io.tally.lambda.wiring.Settings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A coupon bulk load on the local platform: the command's code path reads and splits the file, stores the job and sends
 * the chunks to the coupon-load queue; the local event source hands them to the coupon loader function (the same graph a
 * Lambda container builds), which writes the coupons to dynalite and records each chunk; the command follows the job
 * to DONE.
 * The set is part of the brand's checkout configuration, stored before the loads.
 */
class CouponBulkLoadIT {
    private static final BrandId BRAND = new BrandId("DEMO");
    private static final CouponSetId SET = new CouponSetId("WINTER");
    private static final Instant TO = Instant.parse("2027-03-01T00:00:00Z");
    private static LocalTally tally;
    private static Map<String, String> env;
    private static DynamoDbClient dynamo;
    private static DynamoStorage storage;

    @BeforeAll
    static void start() {
        tally = LocalTally.start(LocalPlatformConfig.defaults(Path.of("target", "coupon-load-it")).withHttpPort(0)
                .withRepoRoot(MerchantSliceIT.repoRoot()));
        env = new HashMap<>(tally.endpoints().queueUrlEnvironment());
        env.put(Settings.TABLE_NAME, tally.endpoints().tableName());
        env.put(Settings.DYNAMODB_ENDPOINT, tally.endpoints().dynamoEndpoint().toString());
        env.put(Settings.SQS_ENDPOINT, tally.endpoints().sqsEndpoint().toString());
        dynamo = LocalDynamo.client(tally.endpoints().dynamoEndpoint());
        storage = new DynamoStorage(dynamo, tally.endpoints().tableName());
        storage.checkoutConfigStore().saveCouponSet(new CouponSet(BRAND, SET, "Winter", Optional.empty(), Optional.of(TO)));
    }

    @AfterAll
    static void stop() {
        if (dynamo != null) {
            dynamo.close();
        }
        if (tally != null) {
            tally.close();
        }
    }

    private record Run(int exit, String out, String err) {
    }

    /** The command as {@code tally admin coupons …} runs it, on the graph the functions use, polling every 200 ms. */
    private static Run command(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = new CouponsCommand(tally.component().startCouponLoad(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC(), Duration.ofMillis(200),
                Duration.ofMinutes(5)).run(List.of(args));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static LoadJob job(Run run) {
        Matcher m = Pattern.compile("Load ([0-9a-f]{20}) ").matcher(run.out());
        assertTrue(m.find(), run.out());
        return storage.couponLoads().find(BRAND, new LoadJobId(m.group(1))).orElseThrow();
    }

    @Test
    void a_csv_file_loads_to_done_with_its_invalid_lines_reported() throws IOException {
        StringBuilder csv = new StringBuilder("code,tags,cards\n");
        for (int i = 0; i < 3_000; i++) {
            csv.append("WIN-").append(String.format("%05d", i)).append(i % 2 == 0 ? ",even\n" : "\n");
        }
        csv.append("no\nWIN-00007\nWIN-99999,bad!tag\n");
        Path file = Files.createDirectories(Path.of("target", "coupon-load-it")).resolve("winter.csv");
        Files.writeString(file, csv);

        Run run = command("coupons", "load", BRAND.value(), SET.value(), file.toString());

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("3,000/3,003 loaded · 0 duplicates · 3 invalid"), run.err());
        assertTrue(run.out().contains("line 3003: duplicate of line 9"), run.out());
        LoadJob job = job(run);
        assertEquals(LoadJob.Status.DONE, job.status());
        assertEquals(List.of(3_000L, 0L, 3L), List.of(job.loaded(), job.duplicates(), job.invalid()));
        assertEquals(List.of(3_002L, 3_003L, 3_004L), job.invalidLines().stream().map(l -> l.line()).toList());
        CouponPort coupons = storage.coupons();
        var stored = coupons.find(BRAND, new CouponCode("WIN-02998")).orElseThrow();
        assertEquals(SET, stored.set());
        assertEquals(Set.of("even"), stored.tags());
        assertEquals(Optional.of(TO), stored.validTo());
        assertTrue(coupons.find(BRAND, new CouponCode("WIN-00000")).isPresent());

        Run again = command("coupons", "load", BRAND.value(), SET.value(), file.toString());
        assertEquals(0, again.exit(), again.err());
        assertEquals(3_000, job(again).loaded(), "a re-run loads the same coupons again, finding them in place");

        Run status = command("coupons", "status", BRAND.value(), job.id().value());
        assertEquals(0, status.exit());
        assertTrue(status.out().contains("DONE"), status.out());
    }

    @Test
    void generated_codes_load_and_the_secret_is_never_printed() {
        Run run = command("coupons", "generate", BRAND.value(), SET.value(), "2,500", "--prefix", "GEN-");

        assertEquals(0, run.exit(), run.err());
        LoadJob job = job(run);
        assertEquals(List.of(2_500L, 0L, 0L), List.of(job.loaded(), job.duplicates(), job.invalid()));
        String secret = job.secret().orElseThrow();
        assertFalse(run.out().contains(secret) || run.err().contains(secret));
        GeneratedCodes codes = new GeneratedCodes(secret, "GEN-");
        assertTrue(storage.coupons().find(BRAND, codes.code(0, 0)).isPresent());
        assertTrue(storage.coupons().find(BRAND, codes.code(2, 499)).isPresent());
    }

    @Test
    void the_admin_command_refuses_an_unknown_set_and_job() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = TallyAdmin.run(new String[]{"coupons", "generate", "DEMO", "NOPE", "10", "--prefix", "X"}, env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(1, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no coupon set NOPE"), err.toString(StandardCharsets.UTF_8));
        assertEquals(1, TallyAdmin.run(new String[]{"coupons", "status", "DEMO", "0123456789abcdef0123"}, env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    @Test
    void the_admin_command_line_runs_a_load_to_done_from_the_environment_alone() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = TallyAdmin.run(new String[]{"coupons", "generate", "DEMO", SET.value(), "25", "--prefix", "ADM-"}, env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("25 loaded, 0 duplicates, 0 invalid of 25"),
                out.toString(StandardCharsets.UTF_8));
    }
}
