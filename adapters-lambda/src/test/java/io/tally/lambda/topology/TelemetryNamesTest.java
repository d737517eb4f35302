package io.tally.lambda.topology;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every entry point logs and counts under its function's logical name ({@code service}, the metrics' Function). The
 * member pages, e-mail sender and back office cannot see {@link FunctionId} (this module depends on theirs), so they
 * spell the name out; this keeps the spelling and the topology the same.
 */
class TelemetryNamesTest {
    @Test
    void every_handler_names_its_telemetry_after_its_function() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        for (FunctionId function : FunctionId.values()) {
            String className = function.handlerClassName();
            String module = className.startsWith("io.tally.portal") ? "member-portal"
                    : className.startsWith("io.tally.backoffice") ? "back-office" : "adapters-lambda";
            Path source = root.resolve(module).resolve("src/main/java").resolve(className.replace('.', '/') + ".java");
            String text = Files.readString(source);
            assertTrue(text.contains("Telemetry.forFunction(\"" + function.logicalName() + "\")")
                    || text.contains("Telemetry.forFunction(FunctionId." + function.name() + ".logicalName())"), source.toString());
        }
    }
}
