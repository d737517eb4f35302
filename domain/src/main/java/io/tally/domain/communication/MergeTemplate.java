package io.tally.domain.communication;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A template text with merge fields: {@code {{customer.firstName}}}, {@code {{balance Currency:USD}}}, and a fallback
 * for an empty value after a bar, {@code {{customer.firstName | friend}}}. Everything else is literal text. Names are
 * checked against the brand's {@link MergeFields} when the template is saved; rendering fills each field with its
 * value (escaped by the caller's escaper: HTML in the HTML part, nothing in the text part) or its fallback.
 */
public final class MergeTemplate {
    /** Longest part a template may have (an e-mail's HTML over this is not an e-mail any more). */
    public static final int MAX_LENGTH = 100_000;
    static final int MAX_FIELD = 200;

    private sealed interface Part {
    }

    private record Literal(String text) implements Part {
    }

    private record Field(String name, String fallback) implements Part {
    }

    private final List<Part> parts;

    private MergeTemplate(List<Part> parts) {
        this.parts = parts;
    }

    /** A template that parsed, or the problems of one that did not. */
    public sealed interface Parsed {
        record Ok(MergeTemplate template) implements Parsed {
        }

        record Problems(List<String> problems) implements Parsed {
        }
    }

    public static Parsed parse(String text) {
        if (text.length() > MAX_LENGTH) {
            return new Parsed.Problems(List.of("is longer than " + MAX_LENGTH + " characters"));
        }
        List<Part> parts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf("{{", at);
            if (open < 0) {
                parts.add(new Literal(text.substring(at)));
                break;
            }
            if (open > at) {
                parts.add(new Literal(text.substring(at, open)));
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                problems.add("a merge field opened with {{ is not closed with }}");
                break;
            }
            String inside = text.substring(open + 2, close);
            int bar = inside.indexOf('|');
            String name = normalise(bar < 0 ? inside : inside.substring(0, bar));
            String fallback = bar < 0 ? "" : inside.substring(bar + 1).strip();
            if (name.isEmpty() || inside.length() > MAX_FIELD || inside.contains("{{")) {
                problems.add("{{" + shorten(inside) + "}} is not a merge field");
            } else {
                parts.add(new Field(name, fallback));
            }
            at = close + 2;
        }
        return problems.isEmpty() ? new Parsed.Ok(new MergeTemplate(List.copyOf(parts))) : new Parsed.Problems(problems);
    }

    /** {@code balance  Points} and {@code  customer.firstName } alike: single spaces, no edges. */
    private static String normalise(String name) {
        return name.strip().replaceAll("\\s+", " ");
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** The field names used, in order of first use. */
    public Set<String> fields() {
        Set<String> names = new LinkedHashSet<>();
        parts.forEach(p -> {
            if (p instanceof Field f) {
                names.add(f.name());
            }
        });
        return names;
    }

    /** The fields the brand does not have, each once. */
    public List<String> unknown(MergeFields known) {
        return fields().stream().filter(f -> !known.knows(f)).toList();
    }

    /**
     * The text with every field's value, {@code escape}d; an absent or empty value gives the fallback (escaped too).
     * Literal text is left as written (the HTML part is sanitised as a whole afterwards).
     */
    public String render(Map<String, String> values, UnaryOperator<String> escape) {
        StringBuilder out = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Literal l) {
                out.append(l.text());
            } else if (p instanceof Field f) {
                String value = values.getOrDefault(f.name(), "");
                out.append(escape.apply(value.isEmpty() ? f.fallback() : value));
            }
        }
        return out.toString();
    }

    /** HTML escaping of a merged value (text content and attribute values alike). */
    public static String html(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '{', '}' -> out.append("&#").append((int) c).append(';');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A subject line: one line, whatever the values hold. */
    public static String oneLine(String value) {
        return value.replaceAll("[\\r\\n\\t]+", " ");
    }
}
