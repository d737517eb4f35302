package io.tally.local.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import io.tally.lambda.topology.FunctionId;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends a function's {@link LambdaLogger} lines to the local log, under {@code lambda.<function>}. */
final class LocalLambdaLogger implements LambdaLogger {
    private final Logger log;

    LocalLambdaLogger(FunctionId function) {
        this.log = LoggerFactory.getLogger("lambda." + function.logicalName());
    }

    @Override
    public void log(String message) {
        log(message, LogLevel.INFO);
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8), LogLevel.INFO);
    }

    @Override
    public void log(byte[] message, LogLevel level) {
        log(new String(message, StandardCharsets.UTF_8), level);
    }

    @Override
    public void log(String message, LogLevel level) {
        String line = message == null ? "null" : message.stripTrailing();
        switch (level == null ? LogLevel.INFO : level) {
            case FATAL, ERROR -> log.error(line);
            case WARN -> log.warn(line);
            case DEBUG -> log.debug(line);
            case TRACE -> log.trace(line);
            default -> log.info(line);
        }
    }
}
