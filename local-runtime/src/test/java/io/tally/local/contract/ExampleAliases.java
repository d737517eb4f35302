package io.tally.local.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The document's examples name cards, PINs, transactions and coupons that the live stack hands out under other
 * numbers. Each answer teaches the value its example shows and the value the stack gave (same place in both trees);
 * later example requests are sent with the stack's values. Only identifiers are learnt: strings of 4 or more
 * letters, digits and dashes that differ, never the requestRef.
 */
public final class ExampleAliases {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9-]{4,64}");
    private final Map<String, String> aliases = new LinkedHashMap<>();

    /** Pairs the documented answer with the live one, field by field. */
    public void learn(JsonNode documented, JsonNode live) {
        if (documented == null || live == null) {
            return;
        }
        if (documented.isObject()) {
            documented.properties().forEach(e -> {
                if (!e.getKey().equals("requestRef")) {
                    learn(e.getValue(), live.get(e.getKey()));
                }
            });
        } else if (documented.isArray()) {
            Iterator<JsonNode> d = documented.iterator();
            Iterator<JsonNode> l = live.iterator();
            while (d.hasNext() && l.hasNext()) {
                learn(d.next(), l.next());
            }
        } else if (documented.isTextual() && live.isTextual()) {
            String from = documented.asText();
            String to = live.asText();
            if (!from.equals(to) && IDENTIFIER.matcher(from).matches() && IDENTIFIER.matcher(to).matches()) {
                aliases.put(from, to);
                aliases.put(from.toLowerCase(Locale.ROOT), to.toLowerCase(Locale.ROOT));
            }
        }
    }

    /**
     * The request text with every learnt identifier replaced, in one pass (longest first). A bare JSON number (a card
     * number or PIN sent as a number) loses its leading zeros, as an integration's would.
     */
    public String apply(String json) {
        if (aliases.isEmpty()) {
            return json;
        }
        String alternatives = aliases.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).reduce((a, b) -> a + "|" + b).orElseThrow();
        Matcher m = Pattern.compile("(?<![A-Za-z0-9-])(" + alternatives + ")(?![A-Za-z0-9-])").matcher(json);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean quoted = m.start() > 0 && json.charAt(m.start() - 1) == '"';
            String to = aliases.get(m.group(1));
            if (!quoted) {
                to = to.replaceFirst("^0+(?=[0-9])", "");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(to));
        }
        m.appendTail(out);
        return out.toString();
    }
}
