package io.tally.domain.communication;

import io.tally.domain.card.Card;
import io.tally.domain.card.Customer;
import io.tally.domain.ledger.CardView;
import io.tally.domain.ledger.Change;
import io.tally.domain.ledger.Posting;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.Location;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One recipient's merge values ({@link MergeFields}' names): the card's primary customer (fixed fields and the brand's
 * own), the card, the location, every balance of the brand's value types in its decimal form (a balance the card does
 * not hold is 0), the transaction, the brand and the links. Absent values are absent (a field's fallback applies).
 */
public final class MergeValues {
    private MergeValues() {
    }

    public static Map<String, String> of(PortalConfig brand, CardView view, List<ValueType> valueTypes,
                                         Optional<Location> location, Optional<Posting> transaction,
                                         Map<String, String> links) {
        Map<String, String> v = new HashMap<>();
        Card card = view.card();
        card.primaryCustomer().ifPresent(c -> customer(v, c));
        card.brandDemographics().forEach((name, value) -> v.put("customer." + name, value));
        v.put("card.number", card.number().value());
        v.put("card.lastFour", card.number().lastFour());
        v.put("card.status", card.status().name().toLowerCase(Locale.ROOT));
        card.enrolledAt().ifPresent(t -> v.put("card.enrolledAt", t.atOffset(ZoneOffset.UTC).toLocalDate().toString()));
        location.ifPresent(l -> {
            v.put("location.id", l.id().value());
            v.put("location.name", l.name());
        });
        for (ValueType type : valueTypes) {
            v.put(MergeFields.balance(type.key()), type.format(view.state().balance(type.key()).total()));
        }
        transaction.ifPresent(t -> transaction(v, t, valueTypes));
        v.put("brand.name", brand.displayName());
        links.forEach((name, url) -> v.put("link." + name, url));
        return v;
    }

    private static void customer(Map<String, String> v, Customer c) {
        put(v, "customer.firstName", c.firstName());
        put(v, "customer.lastName", c.lastName());
        put(v, "customer.email", c.email());
        put(v, "customer.phone", c.phone());
        put(v, "customer.address1", c.address1());
        put(v, "customer.address2", c.address2());
        put(v, "customer.city", c.city());
        put(v, "customer.state", c.state());
        put(v, "customer.postal", c.postal());
        put(v, "customer.country", c.country());
        put(v, "customer.birthDate", c.birthDate() == null ? null : c.birthDate().toString());
        put(v, "customer.gender", c.gender());
    }

    private static void transaction(Map<String, String> v, Posting t, List<ValueType> valueTypes) {
        v.put("transaction.id", t.transactionId().value());
        v.put("transaction.type", t.type().name().toLowerCase(Locale.ROOT));
        v.put("transaction.date", t.time().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        v.put("transaction.time", t.time().toString());
        t.origin().location().ifPresent(l -> v.put("transaction.location", l.value()));
        List<String> amounts = new ArrayList<>();
        for (Change change : t.changes()) {
            if (change.balanceDelta() != 0) {
                amounts.add(format(change.key(), change.balanceDelta(), valueTypes) + " " + change.key().asText());
            }
        }
        v.put("transaction.amounts", String.join(", ", amounts));
    }

    private static String format(ValueTypeKey key, long minor, List<ValueType> valueTypes) {
        return valueTypes.stream().filter(t -> t.key().equals(key)).findFirst().map(t -> t.format(minor))
                .orElse(Long.toString(minor));
    }

    private static void put(Map<String, String> v, String name, String value) {
        if (value != null && !value.isEmpty()) {
            v.put(name, value);
        }
    }
}
