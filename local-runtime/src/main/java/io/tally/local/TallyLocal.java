package io.tally.local;

import io.tally.backoffice.wiring.OfficeSettings;
import io.tally.local.s3.S3rverServer;
import io.tally.domain.provisioning.InvalidSeedException;
import io.tally.domain.provisioning.SeedReport;
import io.tally.domain.staff.Role;
import io.tally.domain.staff.StaffUseCase;
import io.tally.domain.tenant.BrandId;
import io.tally.lambda.provisioning.SeedJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./tally up}: dynalite + ElasticMQ + the handlers behind the local HTTP front on 127.0.0.1,
 * a seed applied (demo/seed.json unless told otherwise), credentials printed, Ctrl-C stops it all.
 */
public final class TallyLocal {
    private static final PrintStream OUT = System.out;

    private TallyLocal() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("tally: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            OUT.println(Options.USAGE);
            return;
        }
        String seedText;
        try {
            seedText = Files.readString(options.seed);
        } catch (IOException e) {
            System.err.println("tally: cannot read the seed file " + options.seed + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        var seed = readSeed(seedText, options.seed);
        OUT.println("Starting Tally locally (data: " + options.data.map(Path::toString).orElse("in memory") + ") …");
        LocalTally tally;
        try {
            tally = LocalTally.start(options.config());
        } catch (RuntimeException e) {
            System.err.println("tally: could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Path envFile = Path.of(".tally", "local.env");
        writeEnvironment(envFile, tally.endpoints());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            OUT.println("Stopping …");
            tally.close();
            try {
                Files.deleteIfExists(envFile);
            } catch (IOException ignored) {
                // a stale file only points ./tally admin at a stopped stack, which then says so
            }
            stopped.countDown();
        }, "tally-shutdown"));
        SeedReport report = tally.component().applySeed().apply(seed, true);
        printBanner(tally.endpoints(), report, seed);
        printAdminSignIn(tally, seed.brands().get(0).id());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What {@code ./tally admin} needs to reach this running stack: the functions' environment, locally. */
    static void writeEnvironment(Path file, LocalEndpoints endpoints) {
        StringBuilder env = new StringBuilder("# written by ./tally up for ./tally admin; removed when it stops\n");
        env.append(io.tally.lambda.wiring.Settings.TABLE_NAME).append('=').append(endpoints.tableName()).append('\n');
        endpoints.queueUrlEnvironment().forEach((k, v) -> env.append(k).append('=').append(v).append('\n'));
        env.append(io.tally.lambda.wiring.Settings.DYNAMODB_ENDPOINT).append('=').append(endpoints.dynamoEndpoint()).append('\n');
        env.append(io.tally.lambda.wiring.Settings.SQS_ENDPOINT).append('=').append(endpoints.sqsEndpoint()).append('\n');
        env.append(OfficeSettings.USER_POOL_ID).append('=').append(endpoints.staffPool().poolId()).append('\n');
        env.append(OfficeSettings.CLIENT_ID).append('=').append(endpoints.staffPool().clientId()).append('\n');
        env.append(OfficeSettings.COGNITO_ENDPOINT).append('=').append(endpoints.cognitoEndpoint()).append('\n');
        env.append(OfficeSettings.S3_ENDPOINT).append('=').append(endpoints.s3Endpoint()).append('\n');
        env.append(OfficeSettings.REPORTS_BUCKET).append('=').append(S3rverServer.BUCKET).append('\n');
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, env.toString());
        } catch (IOException e) {
            System.err.println("tally: could not write " + file + " (./tally admin will not find this stack): " + e.getMessage());
        }
    }

    private static io.tally.domain.provisioning.Seed readSeed(String text, Path file) {
        try {
            var seed = new SeedJson().read(text);
            return seed;
        } catch (InvalidSeedException e) {
            System.err.println("tally: " + file + ": " + e.getMessage());
            System.exit(2);
            throw e;
        }
    }

    private static void printBanner(LocalEndpoints endpoints, SeedReport report,
                                    io.tally.domain.provisioning.Seed seed) {
        var brand = seed.brands().get(0);
        String location = brand.terminals().isEmpty() ? "?" : brand.terminals().get(0).location();
        String terminal = brand.terminals().isEmpty() ? "?" : brand.terminals().get(0).id();
        OUT.println();
        OUT.println("Seed applied: " + (report.changedNothing() ? "nothing to change"
                : report.itemsChanged() + " items written, " + report.cardsGenerated() + " cards generated"));
        OUT.println("Tally is up: merchant API at " + endpoints.baseUrl() + "/merchant/{method}");
        for (var key : report.newKeys()) {
            OUT.println("  API key " + key.keyId() + " (brand " + key.brand() + "), secret: " + key.secret()
                    + "   <- shown once; only its hash is stored");
        }
        for (var b : seed.brands()) {
            for (var k : b.apiKeys()) {
                if (k.secret() != null && report.newKeys().stream().noneMatch(n -> n.keyId().equals(k.id()))) {
                    OUT.println("  API key " + k.id() + " (brand " + b.id() + "), secret as stated in the seed: " + k.secret());
                }
            }
        }
        String key = brand.apiKeys().isEmpty() ? "KEY" : brand.apiKeys().get(0).id();
        String secret = brand.apiKeys().isEmpty() || brand.apiKeys().get(0).secret() == null ? "SECRET"
                : brand.apiKeys().get(0).secret();
        OUT.println();
        OUT.println("Try it:");
        OUT.println("  curl -u " + key + ":" + secret + " -H 'brand: " + brand.id() + "' -H 'location: " + location
                + "' -H 'terminal: " + terminal + "' -X POST " + endpoints.baseUrl() + "/merchant/listValueType -d '{}'");
        for (var b : seed.brands()) {
            if (b.portal() != null) {
                OUT.println();
                OUT.println("Member pages of " + b.id() + ": " + endpoints.baseUrl() + "/portal/" + b.id() + "/balance"
                        + "  (also /enroll, /refer; preferences via the link in each e-mail)");
            }
        }
        OUT.println("Mail sent locally (captured, nothing leaves this machine): " + endpoints.baseUrl() + "/local/mail");
        OUT.println();
        OUT.println("DynamoDB (dynalite) " + endpoints.dynamoEndpoint() + ", table " + endpoints.tableName()
                + "; SQS (ElasticMQ) " + endpoints.sqsEndpoint());
        OUT.println("Manage API keys: ./tally admin keys list " + brand.id() + "   (see ./tally admin --help)");
    }

    /**
     * The demo brand's first admin, created on the first start (with a temporary password, printed: the first sign-in
     * asks for a new one); later starts with the data kept find it there.
     */
    static void printAdminSignIn(LocalTally tally, String brand) {
        String email = demoAdminEmail(brand);
        var result = tally.office().staff().createAsOperator(new BrandId(brand), "tally-up",
                new StaffUseCase.CreateCommand(email, "Demo admin", Role.ADMIN, Set.of()));
        OUT.println();
        OUT.println("Back office: " + tally.endpoints().baseUrl() + "/admin");
        if (result instanceof StaffUseCase.Created created) {
            OUT.println("  sign in as " + email + " with the temporary password " + created.temporaryPassword()
                    + "   <- shown once; you choose your own at the first sign-in");
        } else {
            OUT.println("  sign in as " + email + " with the password you chose (kept in .tally/cognito with the data)");
        }
        OUT.println("  more staff: ./tally admin staff create --brand " + brand + " --email someone@example.com --role SERVICE");
        OUT.println("Press Ctrl-C to stop.");
    }

    static String demoAdminEmail(String brand) {
        return "admin@" + brand.toLowerCase(java.util.Locale.ROOT) + ".example";
    }

    /** Command-line options of {@code ./tally up}. */
    static final class Options {
        static final String USAGE = """
                usage: tally up [--port N] [--seed FILE] [--data DIR | --in-memory]
                  --port N      HTTP port on 127.0.0.1 (default 8080; 0 picks a free one)
                  --seed FILE   seed to apply at start (default demo/seed.json); applying it again changes nothing
                  --data DIR    keep DynamoDB data in DIR (default .tally/data), so it survives a restart
                  --in-memory   keep nothing: data is gone when the platform stops""";

        int port = LocalPlatformConfig.DEFAULT_HTTP_PORT;
        Path seed = Path.of("demo", "seed.json");
        java.util.Optional<Path> data = java.util.Optional.of(Path.of(".tally", "data"));
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            List<String> rest = new ArrayList<>(List.of(args));
            if (!rest.isEmpty() && rest.get(0).equals("up")) {
                rest.remove(0);
            }
            for (int i = 0; i < rest.size(); i++) {
                String a = rest.get(i);
                switch (a) {
                    case "--port" -> o.port = parsePort(value(rest, ++i, a));
                    case "--seed" -> o.seed = Path.of(value(rest, ++i, a));
                    case "--data" -> o.data = java.util.Optional.of(Path.of(value(rest, ++i, a)));
                    case "--in-memory" -> o.data = java.util.Optional.empty();
                    case "-h", "--help", "help" -> o.help = true;
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            return o;
        }

        LocalPlatformConfig config() {
            LocalPlatformConfig c = LocalPlatformConfig.defaults(Path.of(".tally", "logs")).withHttpPort(port);
            return data.map(c::withDynaliteDataDirectory).orElse(c);
        }

        private static String value(List<String> args, int i, String option) {
            if (i >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args.get(i);
        }

        private static int parsePort(String s) {
            try {
                int p = Integer.parseInt(s);
                if (p < 0 || p > 65535) {
                    throw new NumberFormatException();
                }
                return p;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--port takes a number from 0 to 65535, not " + s);
            }
        }
    }
}
