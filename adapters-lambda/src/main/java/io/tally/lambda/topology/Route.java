package io.tally.lambda.topology;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One HTTP API route: method, path in API Gateway syntax ({@code /merchant/{method}}, greedy
 * {@code {proxy+}} last) and the function behind it.
 */
public record Route(String method, String path, FunctionId function) {
    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(function, "function");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("route paths start with '/': " + path);
        }
    }

    /** API Gateway's route key, e.g. {@code POST /merchant/{method}}. */
    public String routeKey() {
        return method + " " + path;
    }

    /** Whether a concrete request path matches this route's path template. */
    public boolean matchesPath(String requestPath) {
        return toRegex().matcher(requestPath).matches();
    }

    private Pattern toRegex() {
        StringBuilder re = new StringBuilder();
        for (String part : path.substring(1).split("/", -1)) {
            re.append('/');
            if (part.startsWith("{") && part.endsWith("+}")) {
                re.append(".+");
            } else if (part.startsWith("{") && part.endsWith("}")) {
                re.append("[^/]+");
            } else {
                re.append(Pattern.quote(part));
            }
        }
        return Pattern.compile(re.toString());
    }
}
