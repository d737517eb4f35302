package io.tally.local.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The merchant calls shown in docs/API.md's shell examples: {@code curl … -X POST $API/method -d '{…}'}. */
public final class ApiMdExamples {
    private static final Pattern CALL = Pattern.compile(
            "curl (?<options>(?:(?!\\ncurl )[^']|'[^']*')*?)-X POST (?:\\$API|http://127\\.0\\.0\\.1:8080/merchant)/(?<method>\\w+)"
                    + "(?:\\s*\\\\?\\s*-d '(?<body>[^']*)')?");
    private static final Pattern REQUEST_ID = Pattern.compile("-H 'customRequestId: ([^']+)'");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call: the method, its body, and its customRequestId header if it sends one. */
    public record Call(String method, JsonNode body, Optional<String> customRequestId) {
    }

    private ApiMdExamples() {
    }

    public static List<Call> in(String markdown) {
        List<Call> calls = new ArrayList<>();
        Matcher m = CALL.matcher(markdown);
        while (m.find()) {
            Matcher id = REQUEST_ID.matcher(m.group("options"));
            String body = m.group("body") == null ? "{}" : m.group("body");
            try {
                calls.add(new Call(m.group("method"), JSON.readTree(body), id.find() ? Optional.of(id.group(1)) : Optional.empty()));
            } catch (IOException e) {
                throw new UncheckedIOException("docs/API.md: the example of " + m.group("method") + " is not JSON: " + body, e);
            }
        }
        return calls;
    }
}
