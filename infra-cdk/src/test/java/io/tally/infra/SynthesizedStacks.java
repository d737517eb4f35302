package io.tally.infra;

import io.tally.lambda.topology.FunctionId;
import io.tally.lambda.topology.PeriodicJob;
import io.tally.lambda.topology.PeriodicJobs;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.assertions.Template;

/**
 * Two stacks synthesised once per JVM (a synth costs seconds): a production stack with every option
 * set, and a disposable dev stack with a customer-managed key and one extra periodic job so the
 * schedule code path is exercised before the topology has a real job. The Lambda code is a stand-in
 * jar: these tests check the stack's shape, {@code LambdaJarIT} checks the real jar.
 */
final class SynthesizedStacks {
    static final PeriodicJob SAMPLE_JOB = new PeriodicJob("sample-sweep", FunctionId.EVENTS_CONSUMER, Duration.ofMinutes(15));

    /** The brand's registered phone number (End User Messaging SMS), outside the stack like the SES domain. */
    static final String SMS_NUMBER = "arn:aws:sms-voice:eu-west-1:123456789012:phone-number/phone-0123456789abcdef";
    static final StackConfig PROD_CONFIG;
    static final StackConfig DEV_CONFIG;
    static final Template PROD;
    static final Template DEV;
    static final List<TallyStack> STACKS;

    static {
        Path work = Path.of(System.getProperty("java.io.tmpdir")).resolve("stack-test");
        Path jar = standInJar(work.resolve("stand-in-lambda.jar"));
        PROD_CONFIG = new StackConfig("ACME", "prod", Optional.of("eu-west-1"), Optional.of("123456789012"), jar,
                new StackConfig.Throttle(50, 80),
                Optional.of(new StackConfig.CustomDomain("api.acme.example",
                        "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000")),
                Optional.of("ops@acme.example"), StackConfig.TableKey.AWS_MANAGED, PeriodicJobs.ALL,
                Optional.of("mail.acme.example"))
                .withSms(new StackConfig.SmsOrigin(SMS_NUMBER));
        List<PeriodicJob> devJobs = new ArrayList<>(PeriodicJobs.ALL);
        devJobs.add(SAMPLE_JOB);
        DEV_CONFIG = new StackConfig("DEMO", "dev", Optional.empty(), Optional.empty(), jar,
                new StackConfig.Throttle(StackConfig.DEFAULT_RATE_LIMIT, StackConfig.DEFAULT_BURST_LIMIT),
                Optional.empty(), Optional.empty(), StackConfig.TableKey.CUSTOMER_MANAGED, devJobs, Optional.empty());
        App app = App.Builder.create().outdir(work.resolve("cdk.out").toString()).build();
        // cdk-nag's AWS Solutions pack on every stack; CdkNagTest fails on what it finds unsuppressed
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).reports(false).build()));
        TallyStack prod = new TallyStack(app, PROD_CONFIG);
        TallyStack dev = new TallyStack(app, DEV_CONFIG);
        STACKS = List.of(prod, dev);
        PROD = Template.fromStack(prod);
        DEV = Template.fromStack(dev);
    }

    private SynthesizedStacks() {
    }

    static List<Template> both() {
        return List.of(PROD, DEV);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> resources(Template template) {
        return (Map<String, Map<String, Object>>) (Object) template.toJSON().get("Resources");
    }

    private static Path standInJar(Path jar) {
        try {
            Files.createDirectories(jar.getParent());
            try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("stand-in.txt"));
                zip.write("the stack tests do not run code".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
