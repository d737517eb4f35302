package io.tally.backoffice.http;

import io.tally.domain.staff.Permission;
import io.tally.sqs.web.HttpForms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The back office's pages by method and path below {@code /admin} ({@code /staff/{id}/role}: a {@code {name}} segment
 * matches one path segment and is handed to the page URL-decoded: {@code %40} is {@code @}, {@code +} stays {@code +}, a
 * malformed escape matches nothing). Each page is public (the sign-in pages), for any signed-in
 * member, or for members holding a {@link Permission}; the app refuses the others before the page runs, answering
 * a page that needs a permission the member lacks exactly like a page that does not exist. The use cases check
 * permissions and scope again: the router only keeps pages out of reach.
 */
public final class OfficeRouter {
    /** Who may reach a page. */
    public sealed interface Access {
    }

    /** Anyone, signed in or not. */
    public record Anyone() implements Access {
    }

    /** Any active, signed-in staff member. */
    public record SignedIn() implements Access {
    }

    /** Signed-in members whose role holds the permission. */
    public record Needs(Permission permission) implements Access {
    }

    record Entry(String method, List<String> segments, Access access, OfficeAction action) {
    }

    record Match(Entry entry, Map<String, String> params) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public OfficeRouter get(String path, Access access, OfficeAction action) {
        return add("GET", path, access, action);
    }

    public OfficeRouter post(String path, Access access, OfficeAction action) {
        return add("POST", path, access, action);
    }

    /** GET for members with the permission. */
    public OfficeRouter get(String path, Permission permission, OfficeAction action) {
        return get(path, new Needs(permission), action);
    }

    /** POST for members with the permission. */
    public OfficeRouter post(String path, Permission permission, OfficeAction action) {
        return post(path, new Needs(permission), action);
    }

    private OfficeRouter add(String method, String path, Access access, OfficeAction action) {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(action, "action");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("paths start with '/': " + path);
        }
        List<String> segments = segments(path);
        boolean taken = entries.stream().anyMatch(e -> e.method().equals(method) && shape(e.segments()).equals(shape(segments)));
        if (taken) {
            throw new IllegalStateException(method + " " + path + " is registered twice");
        }
        entries.add(new Entry(method, segments, access, action));
        return this;
    }

    /** The first page whose method and pattern match; literal segments win over parameters of earlier pages. */
    Optional<Match> match(String method, String path) {
        List<String> actual = segments(path);
        Match best = null;
        int bestLiterals = -1;
        for (Entry e : entries) {
            if (!e.method().equals(method) || e.segments().size() != actual.size()) {
                continue;
            }
            Map<String, String> params = new HashMap<>();
            int literals = 0;
            boolean ok = true;
            for (int i = 0; i < actual.size() && ok; i++) {
                String want = e.segments().get(i);
                if (want.startsWith("{") && want.endsWith("}")) {
                    String value = HttpForms.decodePathSegment(actual.get(i));
                    ok = !value.isEmpty();
                    params.put(want.substring(1, want.length() - 1), value);
                } else {
                    ok = want.equals(actual.get(i));
                    literals++;
                }
            }
            if (ok && literals > bestLiterals) {
                best = new Match(e, Map.copyOf(params));
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether any page answers this path with another method (405 rather than 404). */
    boolean knowsPath(String path) {
        return entries.stream().anyMatch(e -> match(e.method(), path).isPresent());
    }

    /** The pattern with its parameters unnamed: {@code /staff/{id}} and {@code /staff/{other}} are the same page. */
    private static List<String> shape(List<String> segments) {
        return segments.stream().map(s -> s.startsWith("{") && s.endsWith("}") ? "{}" : s).toList();
    }

    private static List<String> segments(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.equals("/") ? List.of() : List.of(p.substring(1).split("/", -1));
    }
}
