package io.tally.dynamo.dynalite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks that a usable {@code node} is on the PATH before we try to run an npm tool with it. */
final class NodeRuntime {
    static final String NODE = "node";
    private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.");
    private static final String INSTALL_HINT = "node (>=18) is required to run dynalite: install Node.js (e.g. apt-get install -y nodejs npm)";

    private NodeRuntime() {
    }

    static void requireAtLeast(int major) {
        String version = version();
        Matcher m = VERSION.matcher(version);
        if (!m.find()) {
            throw new IllegalStateException(INSTALL_HINT + "; `node --version` printed: " + version);
        }
        if (Integer.parseInt(m.group(1)) < major) {
            throw new IllegalStateException(INSTALL_HINT + "; found " + version);
        }
    }

    private static String version() {
        Process process;
        try {
            process = new ProcessBuilder(NODE, "--version").redirectErrorStream(true).start();
        } catch (IOException notOnPath) {
            throw new IllegalStateException(INSTALL_HINT + " (" + notOnPath.getMessage() + ")", notOnPath);
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("`node --version` did not answer within 30 s");
            }
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalStateException(INSTALL_HINT + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the node version", e);
        }
    }
}
