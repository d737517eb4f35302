package io.tally.infra;

import java.nio.file.Path;
import software.amazon.awscdk.App;

/**
 * The CDK app: one stack per brand and stage. cdk.json runs it as {@code java -jar target/tally-infra.jar}
 * from the infra-cdk folder, so the Lambda jar defaults to {@code ../adapters-lambda/target/tally-lambda.jar}.
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
        app.synth();
    }
}
