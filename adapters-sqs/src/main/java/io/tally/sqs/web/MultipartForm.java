package io.tally.sqs.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} post (RFC 7578), as a page's upload form sends it through the HTTP API (base64, being
 * binary): its text fields and its files. Anything malformed, or a body over the limit, reads as no form at all, so
 * the page answers it (its CSRF check fails first), never a fault. A file's declared name and type are kept only as
 * the browser sent them: what a file is is decided from its bytes by whoever takes it.
 */
public record MultipartForm(Map<String, List<String>> fields, Map<String, FilePart> files) {
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]{1,70})\"|([^;\\s]{1,70}))");
    private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");
    private static final int MAX_PARTS = 20;

    public MultipartForm {
        fields = Map.copyOf(fields);
        files = Map.copyOf(files);
    }

    /** One uploaded file: the name and type the browser declared (untrusted) and the bytes. */
    public record FilePart(String fileName, String declaredType, byte[] bytes) {
    }

    /** Whether the request is a multipart form post. */
    public static boolean is(APIGatewayV2HTTPEvent event) {
        return contentType(event).toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** The form of a multipart post whose body is at most {@code maxBytes}; empty otherwise. */
    public static Optional<MultipartForm> of(APIGatewayV2HTTPEvent event, int maxBytes) {
        String body = event.getBody();
        if (body == null || body.isEmpty() || body.length() > maxBytes / 3 * 4 + 4) {
            return Optional.empty();
        }
        try {
            byte[] bytes = event.getIsBase64Encoded() ? Base64.getDecoder().decode(body)
                    : body.getBytes(StandardCharsets.ISO_8859_1);
            return bytes.length > maxBytes ? Optional.empty() : parse(contentType(event), bytes);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    static Optional<MultipartForm> parse(String contentType, byte[] body) {
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            return Optional.empty();
        }
        byte[] delimiter = ("--" + (m.group(1) != null ? m.group(1) : m.group(2))).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, List<String>> fields = new HashMap<>();
        Map<String, FilePart> files = new HashMap<>();
        int at = indexOf(body, delimiter, 0);
        for (int parts = 0; at >= 0 && parts <= MAX_PARTS; parts++) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                return Optional.of(new MultipartForm(fields, files)); // the closing delimiter
            }
            start += 2; // CRLF after the delimiter
            int next = indexOf(body, delimiter, start);
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            if (next < 0 || headersEnd < 0 || headersEnd > next) {
                return Optional.empty();
            }
            String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
            byte[] content = Arrays.copyOfRange(body, headersEnd + 4, Math.max(headersEnd + 4, next - 2));
            Matcher name = NAME.matcher(headers);
            if (!name.find()) {
                return Optional.empty();
            }
            Matcher file = FILE_NAME.matcher(headers);
            if (file.find()) {
                files.put(name.group(1), new FilePart(file.group(1), header(headers, "content-type"), content));
            } else {
                fields.computeIfAbsent(name.group(1), k -> new ArrayList<>())
                        .add(new String(content, StandardCharsets.UTF_8));
            }
            at = next;
        }
        return Optional.empty();
    }

    private static String header(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return "";
    }

    private static String contentType(APIGatewayV2HTTPEvent event) {
        if (event.getHeaders() == null) {
            return "";
        }
        return event.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("content-type"))
                .map(Map.Entry::getValue).findFirst().orElse("");
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
