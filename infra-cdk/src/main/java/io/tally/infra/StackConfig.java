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
 * @param portalDomain   optional: the member pages on the brand's own domain, through CloudFront and AWS WAF
 * @param existingTable  optional: a table the stack uses instead of creating one (a point-in-time restore)
 * @param secretsRevision optional: any new value publishes new function versions, which read the generated secrets
 *                       afresh (CloudFormation resolves them only when a function changes): how a rotation takes effect
 * @param sms            optional: the End User Messaging SMS phone number or sender id texts are sent from (through a
 *                       pool of the stack's, the SMS sender's only permission); without one, texts are not sent on AWS
 *                       (they dead-letter, and the SMS queue's alarm says so)
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
        Optional<String> emailDomain,
        Optional<PortalDomain> portalDomain,
        Optional<ExistingTable> existingTable,
        Optional<String> secretsRevision,
        Optional<SmsOrigin> sms) {

    /** Stages whose data may be thrown away with the stack. */
    public static final Set<String> DISPOSABLE_STAGES = Set.of("dev");
    public static final String DEFAULT_STAGE = "prod";
    public static final double DEFAULT_RATE_LIMIT = 100;
    public static final int DEFAULT_BURST_LIMIT = 200;
    /**
     * Requests per client address per 5 minutes before the portal's WebACL blocks it: a member's page view is three
     * requests (the page and two stylesheets), so a person never comes near it, while a few people behind one
     * carrier-grade NAT address still fit.
     */
    public static final int DEFAULT_PORTAL_RATE_LIMIT = 1000;
    /** CloudFront reads certificates, and WebACLs of scope CLOUDFRONT live, only in this region. */
    public static final String CLOUDFRONT_REGION = "us-east-1";

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,39}");
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9-]{1,40}");

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
        Objects.requireNonNull(emailDomain, "emailDomain");
        Objects.requireNonNull(portalDomain, "portalDomain");
        Objects.requireNonNull(existingTable, "existingTable");
        Objects.requireNonNull(secretsRevision, "secretsRevision");
        Objects.requireNonNull(sms, "sms");
        secretsRevision.filter(r -> !REVISION.matcher(r).matches()).ifPresent(r -> {
            throw new IllegalArgumentException("secretsRevision must be 1-40 letters, digits or '-' (a date will do): " + r);
        });
        if (portalDomain.isPresent() && portalDomain.get().webAclArn().isEmpty()
                && !region.equals(Optional.of(CLOUDFRONT_REGION))) {
            throw new IllegalArgumentException("portalDomainName needs portalWebAclArn unless the stack is in "
                    + CLOUDFRONT_REGION + " (here: " + region.orElse("no region") + "): a WebACL for CloudFront can only be"
                    + " created in " + CLOUDFRONT_REGION + "; create one there (infra-cdk/README.md) or deploy the stack there");
        }
        if (portalDomain.isPresent() && customDomain.isPresent()
                && portalDomain.get().domainName().equals(customDomain.get().domainName())) {
            throw new IllegalArgumentException("the member pages and the API need two domain names, not one: "
                    + portalDomain.get().domainName());
        }
    }

    /** A stack without a portal domain, an existing table or a secrets revision (the settings before they existed). */
    public StackConfig(String brand, String stage, Optional<String> region, Optional<String> account, Path lambdaJar,
                       Throttle throttle, Optional<CustomDomain> customDomain, Optional<String> alarmEmail,
                       TableKey tableKey, List<PeriodicJob> periodicJobs, Optional<String> emailDomain) {
        this(brand, stage, region, account, lambdaJar, throttle, customDomain, alarmEmail, tableKey, periodicJobs,
                emailDomain, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A stack without an SMS origination identity (the settings before texts were sent). */
    public StackConfig(String brand, String stage, Optional<String> region, Optional<String> account, Path lambdaJar,
                       Throttle throttle, Optional<CustomDomain> customDomain, Optional<String> alarmEmail,
                       TableKey tableKey, List<PeriodicJob> periodicJobs, Optional<String> emailDomain,
                       Optional<PortalDomain> portalDomain, Optional<ExistingTable> existingTable,
                       Optional<String> secretsRevision) {
        this(brand, stage, region, account, lambdaJar, throttle, customDomain, alarmEmail, tableKey, periodicJobs,
                emailDomain, portalDomain, existingTable, secretsRevision, Optional.empty());
    }

    /** This configuration sending texts from the given origination identity. */
    public StackConfig withSms(SmsOrigin origin) {
        return new StackConfig(brand, stage, region, account, lambdaJar, throttle, customDomain, alarmEmail, tableKey,
                periodicJobs, emailDomain, portalDomain, existingTable, secretsRevision, Optional.of(origin));
    }

    /**
     * Where texts are sent from: the ARN of an End User Messaging SMS phone number or sender id, registered outside the
     * stack (registration is a process of its own). The stack puts it in a pool of its own ({@link SmsSending}), and
     * the SMS sender may send only through that pool.
     */
    public record SmsOrigin(String originationIdentityArn) {
        private static final Pattern IDENTITY = Pattern.compile(
                "arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:[0-9]{12}:(phone-number|sender-id)/[A-Za-z0-9_:-]{1,128}");

        public SmsOrigin {
            if (originationIdentityArn == null || !IDENTITY.matcher(originationIdentityArn).matches()) {
                throw new IllegalArgumentException("smsOriginationIdentity must be the ARN of an End User Messaging SMS"
                        + " phone number or sender id: " + originationIdentityArn);
            }
        }
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

    /**
     * The member pages on a brand's own domain: a CloudFront distribution in front of the HTTP API's portal routes,
     * guarded by an AWS WAF WebACL (see {@link PortalDistribution}).
     *
     * @param domainName     the members' host name, e.g. {@code members.acme.example}
     * @param certificateArn an ACM certificate for it in us-east-1 (the only region CloudFront reads certificates from)
     * @param webAclArn      an existing WebACL of scope CLOUDFRONT; empty = the stack creates one (only in us-east-1)
     * @param rateLimit      requests per client address per 5 minutes in the WebACL the stack creates
     */
    public record PortalDomain(String domainName, String certificateArn, Optional<String> webAclArn, int rateLimit) {
        /** What WAF accepts for a rate-based rule. */
        public static final int MIN_RATE_LIMIT = 10;
        public static final int MAX_RATE_LIMIT = 2_000_000_000;
        private static final Pattern HOST = Pattern.compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
        private static final Pattern CERTIFICATE = Pattern.compile("arn:aws[a-z-]*:acm:" + CLOUDFRONT_REGION
                + ":[0-9]{12}:certificate/[A-Za-z0-9-]+");
        private static final Pattern WEB_ACL = Pattern.compile("arn:aws[a-z-]*:wafv2:" + CLOUDFRONT_REGION
                + ":[0-9]{12}:global/webacl/[A-Za-z0-9_-]+/[a-f0-9-]+");

        public PortalDomain {
            Objects.requireNonNull(webAclArn, "webAclArn");
            if (domainName == null || !HOST.matcher(domainName).matches()) {
                throw new IllegalArgumentException(
                        "portalDomainName must be a lower-case host name such as members.acme.example: " + domainName);
            }
            if (certificateArn == null || !CERTIFICATE.matcher(certificateArn).matches()) {
                throw new IllegalArgumentException("portalCertificateArn must be an ACM certificate in " + CLOUDFRONT_REGION
                        + " (the only region CloudFront reads certificates from), not " + certificateArn);
            }
            webAclArn.filter(arn -> !WEB_ACL.matcher(arn).matches()).ifPresent(arn -> {
                throw new IllegalArgumentException("portalWebAclArn must be a WebACL of scope CLOUDFRONT, arn:aws:wafv2:"
                        + CLOUDFRONT_REGION + ":ACCOUNT:global/webacl/NAME/ID, not " + arn);
            });
            if (rateLimit < MIN_RATE_LIMIT || rateLimit > MAX_RATE_LIMIT) {
                throw new IllegalArgumentException("portalRateLimit is requests per address per 5 minutes, from "
                        + MIN_RATE_LIMIT + " to " + MAX_RATE_LIMIT + ", not " + rateLimit);
            }
        }
    }

    /**
     * A table the stack uses instead of creating its own: the table a point-in-time restore made (infra-cdk/README.md,
     * "Restore the table"). The stack never owns it: deleting the stack leaves it, as it leaves the table it creates.
     *
     * @param name   the table's name
     * @param keyArn the customer-managed KMS key it is encrypted with, if any (the functions are granted its use)
     */
    public record ExistingTable(String name, Optional<String> keyArn) {
        private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
        private static final Pattern KEY = Pattern.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+");

        public ExistingTable {
            Objects.requireNonNull(keyArn, "keyArn");
            if (name == null || !TABLE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("tableName must be a DynamoDB table name (3-255 of A-Z a-z 0-9 _ . -): " + name);
            }
            keyArn.filter(arn -> !KEY.matcher(arn).matches()).ifPresent(arn -> {
                throw new IllegalArgumentException("tableKeyArn must be a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID), not " + arn);
            });
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
        Optional<String> portalDomain = string(context, "portalDomainName");
        Optional<String> portalCertificate = string(context, "portalCertificateArn");
        if (portalDomain.isPresent() != portalCertificate.isPresent()) {
            throw new IllegalArgumentException("the member pages' domain needs both portalDomainName and portalCertificateArn");
        }
        if (portalDomain.isEmpty() && (string(context, "portalWebAclArn").isPresent() || string(context, "portalRateLimit").isPresent())) {
            throw new IllegalArgumentException("portalWebAclArn and portalRateLimit apply only with portalDomainName");
        }
        Optional<String> tableName = string(context, "tableName");
        if (tableName.isEmpty() && string(context, "tableKeyArn").isPresent()) {
            throw new IllegalArgumentException("tableKeyArn names the key of an existing table: it needs tableName");
        }
        if (tableName.isPresent() && string(context, "tableKey").isPresent()) {
            throw new IllegalArgumentException("tableKey chooses the key of a table the stack creates;"
                    + " with tableName, name the existing table's customer-managed key (if any) with tableKeyArn");
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
                string(context, "emailDomain"),
                portalDomain.map(d -> new PortalDomain(d, portalCertificate.orElseThrow(), string(context, "portalWebAclArn"),
                        string(context, "portalRateLimit").map(v -> integer("portalRateLimit", v)).orElse(DEFAULT_PORTAL_RATE_LIMIT))),
                tableName.map(name -> new ExistingTable(name, string(context, "tableKeyArn"))),
                string(context, "secretsRevision"),
                string(context, "smsOriginationIdentity").map(SmsOrigin::new));
    }

    /** The public origin of the member pages ({@code https://members.acme.example}), if they have their own domain. */
    public Optional<String> portalOrigin() {
        return portalDomain.map(domain -> "https://" + domain.domainName());
    }

    private static int integer(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not " + value, e);
        }
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
