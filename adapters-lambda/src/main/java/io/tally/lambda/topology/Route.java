package io.tally.lambda.topology;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One HTTP API route: method, path in API Gateway syntax ({@code /merchant/{method}}, greedy
 * {@code {proxy+}} last) and the function behind it; or API Gateway's {@code $default} route
 * ({@link #fallback}), which gets every request that no other route matches.
 */
public record Route(String method, String path, FunctionId function) {
    /** API Gateway's route key (and this record's path) for the catch-all route. */
    public static final String DEFAULT_KEY = "$default";

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(function, "function");
        if (!path.startsWith("/") && !path.equals(DEFAULT_KEY)) {
            throw new IllegalArgumentException("route paths start with '/': " + path);
        }
        if (path.equals(DEFAULT_KEY) != method.equals("ANY")) {
            throw new IllegalArgumentException("the $default route, and only it, takes any method: " + method + " " + path);
        }
    }

    /** The {@code $default} route: any method, any path that no other route matches. */
    public static Route fallback(FunctionId function) {
        return new Route("ANY", DEFAULT_KEY, function);
    }

    public boolean isFallback() {
        return path.equals(DEFAULT_KEY);
    }

    /** API Gateway's route key, e.g. {@code POST /merchant/{method}}, or {@code $default}. */
    public String routeKey() {
        return isFallback() ? DEFAULT_KEY : method + " " + path;
    }

    /** Whether a concrete request path matches this route's path template (the fallback matches every path). */
    public boolean matchesPath(String requestPath) {
        return isFallback() || toRegex().matcher(requestPath).matches();
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
