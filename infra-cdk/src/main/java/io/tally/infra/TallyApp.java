package io.tally.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;

/**
 * The CDK app: one stack per brand and stage. cdk.json runs it as {@code java -jar target/tally-infra.jar}
 * from the infra-cdk folder, so the Lambda jar defaults to {@code ../adapters-lambda/target/tally-lambda.jar}.
 * With {@code -c nag=true} the synth also runs cdk-nag's AWS Solutions checks (the stack tests always do).
 */
public final class TallyApp {
    static final Path DEFAULT_LAMBDA_JAR = Path.of("..", "adapters-lambda", "target", "tally-lambda.jar");

    private TallyApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        StackConfig config = StackConfig.fromContext(
                key -> app.getNode().tryGetContext(key), System::getenv, DEFAULT_LAMBDA_JAR);
        new TallyStack(app, config);
        if ("true".equals(String.valueOf(app.getNode().tryGetContext("nag")))) {
            Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        }
        app.synth();
    }
}
