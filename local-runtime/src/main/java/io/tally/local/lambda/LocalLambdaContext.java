package io.tally.local.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.tally.lambda.topology.FunctionId;
import java.util.Objects;

/**
 * The {@link Context} of one local invocation: names as Lambda would give them in us-east-1 and
 * account 000000000000, and a deadline from the function's configured timeout.
 */
public final class LocalLambdaContext implements Context {
    private static final String REGION = "us-east-1";
    private static final String ACCOUNT_ID = "000000000000";

    private final FunctionId function;
    private final String awsRequestId;
    private final long deadlineMillis;
    private final LambdaLogger logger;

    private LocalLambdaContext(FunctionId function, String awsRequestId, long deadlineMillis) {
        this.function = function;
        this.awsRequestId = awsRequestId;
        this.deadlineMillis = deadlineMillis;
        this.logger = new LocalLambdaLogger(function);
    }

    /** A context whose remaining time starts at the function's timeout, counted from now. */
    public static LocalLambdaContext startingNow(FunctionId function, String awsRequestId) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(awsRequestId, "awsRequestId");
        return new LocalLambdaContext(function, awsRequestId,
                System.currentTimeMillis() + function.timeoutSeconds() * 1000L);
    }

    public FunctionId function() {
        return function;
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + getFunctionName();
    }

    @Override
    public String getLogStreamName() {
        return "local/[$LATEST]" + Long.toHexString(ProcessHandle.current().pid());
    }

    @Override
    public String getFunctionName() {
        return function.logicalName();
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT_ID + ":function:" + getFunctionName();
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return function.memoryMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
