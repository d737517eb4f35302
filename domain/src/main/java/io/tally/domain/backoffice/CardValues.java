package io.tally.domain.backoffice;

import io.tally.domain.card.Card;
import io.tally.domain.card.Customer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A card profile as the audit log keeps it: flat field → value pairs (status, customers, named fields). Never the
 * PIN or its hash: only whether the card has one.
 */
final class CardValues {
    private CardValues() {
    }

    static Map<String, String> of(Card card) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("status", card.status().name());
        v.put("pin", card.pinHash().isPresent() ? "set" : "none");
        customer(v, "primary", card.primaryCustomer());
        customer(v, "alternate", card.alternateCustomer());
        card.owningLocation().ifPresent(l -> v.put("owningLocation", l.value()));
        card.brandDemographics().forEach((k, x) -> v.put("demographics." + k, x));
        card.customData().forEach((k, x) -> v.put("customData." + k, x));
        return v;
    }

    /** Only the fields that differ between {@code before} and {@code after} (an absent field: empty). */
    static Map<String, String> changed(Map<String, String> before, Map<String, String> after) {
        Map<String, String> diff = new LinkedHashMap<>();
        after.forEach((k, x) -> {
            if (!x.equals(before.get(k))) {
                diff.put(k, x);
            }
        });
        before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(k -> diff.put(k, ""));
        return diff;
    }

    private static void customer(Map<String, String> v, String prefix, Optional<Customer> customer) {
        customer.ifPresent(c -> {
            put(v, prefix + ".firstName", c.firstName());
            put(v, prefix + ".lastName", c.lastName());
            put(v, prefix + ".email", c.email());
            put(v, prefix + ".phone", c.phone());
            put(v, prefix + ".address1", c.address1());
            put(v, prefix + ".address2", c.address2());
            put(v, prefix + ".city", c.city());
            put(v, prefix + ".state", c.state());
            put(v, prefix + ".postal", c.postal());
            put(v, prefix + ".country", c.country());
            put(v, prefix + ".birthDate", c.birthDate() == null ? null : c.birthDate().toString());
            put(v, prefix + ".gender", c.gender());
            put(v, prefix + ".addressPoint", c.addressPoint() == null ? null
                    : c.addressPoint().latitude() + "," + c.addressPoint().longitude());
        });
    }

    private static void put(Map<String, String> v, String key, String value) {
        if (value != null && !value.isEmpty()) {
            v.put(key, value);
        }
    }
}
