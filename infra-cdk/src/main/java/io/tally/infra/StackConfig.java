package io.tally.infra;

import io.tally.lambda.topology.PeriodicJob;
import io.tally.lambda.topology.PeriodicJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Everything that varies between two brand stacks. Read from CDK context ({@code -c key=value} or
 * the {@code context} block of cdk.json / cdk.context.json) by {@link #fromContext}.
 *
 * @param brand          the tenant; becomes part of the stack name and {@code TALLY_BRAND}
 * @param stage          {@code dev} stacks are disposable (table destroyed with the stack); every other stage retains data
 * @param region         target region, or empty for an environment-agnostic template
 * @param account        target account, or empty
 * @param lambdaJar      the shaded Lambda jar ({@code adapters-lambda/target/tally-lambda.jar})
 * @param throttle       default-stage throttling of the HTTP API
 * @param customDomain   optional custom domain of the HTTP API
 * @param alarmEmail     optional address subscribed to the alarm topic
 * @param tableKey       AWS-managed or customer-managed KMS key for the table
 * @param periodicJobs   the scheduled jobs (normally {@link PeriodicJobs#ALL})
 * @param emailDomain    the domain member-portal e-mails are sent from: the stack creates its SES identity and
 *                       lets the e-mail sender (only) send from it; without one, e-mails cannot be sent on AWS
 */
public record StackConfig(
        String brand,
        String stage,
        Optional<String> region,
        Optional<String> account,
        Path lambdaJar,
        Throttle throttle,
        Optional<CustomDomain> customDomain,
        Optional<String> alarmEmail,
        TableKey tableKey,
        List<PeriodicJob> periodicJobs,
        Optional<String> emailDomain) {

    /** Stages whose data may be thrown away with the stack. */
    public static final Set<String> DISPOSABLE_STAGES = Set.of("dev");
    public static final String DEFAULT_STAGE = "prod";
    public static final double DEFAULT_RATE_LIMIT = 100;
    public static final int DEFAULT_BURST_LIMIT = 200;

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,39}");

    public StackConfig {
        requireName(brand, "brand");
        requireName(stage, "stage");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(lambdaJar, "lambdaJar");
        Objects.requireNonNull(throttle, "throttle");
        Objects.requireNonNull(customDomain, "customDomain");
        Objects.requireNonNull(alarmEmail, "alarmEmail");
        Objects.requireNonNull(tableKey, "tableKey");
        periodicJobs = List.copyOf(periodicJobs);
    }

    /** HTTP API throttling: steady-state requests per second and burst size. */
    public record Throttle(double rateLimit, int burstLimit) {
        public Throttle {
            if (rateLimit <= 0 || burstLimit <= 0) {
                throw new IllegalArgumentException("throttle limits must be positive: " + rateLimit + "/" + burstLimit);
            }
        }
    }

    /** A custom domain name for the API and the ARN of its ACM certificate (same region as the stack). */
    public record CustomDomain(String domainName, String certificateArn) {
        public CustomDomain {
            Objects.requireNonNull(domainName, "domainName");
            Objects.requireNonNull(certificateArn, "certificateArn");
        }
    }

    public enum TableKey {
        AWS_MANAGED, CUSTOMER_MANAGED;

        static TableKey parse(String value) {
            return switch (value) {
                case "aws-managed" -> AWS_MANAGED;
                case "customer-managed" -> CUSTOMER_MANAGED;
                default -> throw new IllegalArgumentException(
                        "tableKey is aws-managed or customer-managed, not " + value);
            };
        }
    }

    /** Whether the stage's table, key and logs go away with the stack. */
    public boolean disposable() {
        return DISPOSABLE_STAGES.contains(stage);
    }

    public String stackName() {
        return "Tally-" + brand + "-" + stage;
    }

    /**
     * Reads the configuration from CDK context. {@code defaultLambdaJar} is used unless the context
     * names a {@code lambdaJar}; {@code environment} supplies CDK_DEFAULT_ACCOUNT / CDK_DEFAULT_REGION.
     */
    public static StackConfig fromContext(Function<String, Object> context, Function<String, String> environment,
                                          Path defaultLambdaJar) {
        String brand = string(context, "brand")
                .orElseThrow(() -> new IllegalArgumentException("name the brand: cdk synth -c brand=ACME"));
        Optional<String> region = string(context, "region").or(() -> Optional.ofNullable(environment.apply("CDK_DEFAULT_REGION")));
        Optional<String> domain = string(context, "domainName");
        Optional<String> certificate = string(context, "certificateArn");
        if (domain.isPresent() != certificate.isPresent()) {
            throw new IllegalArgumentException("a custom domain needs both domainName and certificateArn");
        }
        Path jar = string(context, "lambdaJar").map(Path::of).orElse(defaultLambdaJar).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Lambda jar not found: " + jar
                    + " (build it first: mvn -B -DskipTests package, from the repository root)");
        }
        return new StackConfig(
                brand,
                string(context, "stage").orElse(DEFAULT_STAGE),
                region,
                string(context, "account").or(() -> Optional.ofNullable(environment.apply("CDK_DEFAULT_ACCOUNT"))),
                jar,
                new Throttle(
                        string(context, "throttleRateLimit").map(Double::parseDouble).orElse(DEFAULT_RATE_LIMIT),
                        string(context, "throttleBurstLimit").map(Integer::parseInt).orElse(DEFAULT_BURST_LIMIT)),
                domain.map(d -> new CustomDomain(d, certificate.orElseThrow())),
                string(context, "alarmEmail"),
                string(context, "tableKey").map(TableKey::parse).orElse(TableKey.AWS_MANAGED),
                PeriodicJobs.ALL,
                string(context, "emailDomain"));
    }

    private static Optional<String> string(Function<String, Object> context, String key) {
        return Optional.ofNullable(context.apply(key)).map(Object::toString).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static void requireName(String value, String what) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be a letter then letters, digits or '-' (at most 40): " + value);
        }
    }
}
