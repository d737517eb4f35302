package io.tally.domain.communication;

import io.tally.domain.portal.DemographicField;
import io.tally.domain.program.ValueTypeKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The merge fields a brand's templates may use (the glossary's customer demographics, location info, balance data and
 * transactional data):
 * <ul>
 * <li>{@code customer.<field>}: every field of the customer model, fixed ({@link #CUSTOMER}) and the brand's own;</li>
 * <li>{@code card.number}, {@code card.lastFour}, {@code card.status}, {@code card.enrolledAt};</li>
 * <li>{@code location.id}, {@code location.name}: the triggering location of a triggered send, the card's owning
 * location of a scheduled one;</li>
 * <li>{@code balance <balanceType>[:<balanceCode>]}: a balance of any of the brand's value types in its decimal form,
 * e.g. {@code {{balance Currency:USD}}}, {@code {{balance Points}}}, {@code {{balance Custom:STARS}}};</li>
 * <li>{@code transaction.<field>} ({@link #TRANSACTION}): the transaction that triggered the send (a preview: the
 * card's newest);</li>
 * <li>{@code brand.name}, {@code link.unsubscribe}, {@code link.preferences}.</li>
 * </ul>
 */
public final class MergeFields {
    public static final List<String> CUSTOMER = List.of("firstName", "lastName", "email", "phone", "address1", "address2",
            "city", "state", "postal", "country", "birthDate", "gender");
    public static final List<String> CARD = List.of("number", "lastFour", "status", "enrolledAt");
    public static final List<String> LOCATION = List.of("id", "name");
    public static final List<String> TRANSACTION = List.of("id", "type", "date", "time", "location", "amounts");
    public static final List<String> OTHER = List.of("brand.name", "link.unsubscribe", "link.preferences");
    public static final String BALANCE = "balance ";

    private final Set<String> names;

    private MergeFields(Set<String> names) {
        this.names = Collections.unmodifiableSet(names);
    }

    public static MergeFields of(List<DemographicField> brandFields, List<ValueTypeKey> valueTypes) {
        Set<String> names = new LinkedHashSet<>();
        CUSTOMER.forEach(f -> names.add("customer." + f));
        brandFields.forEach(f -> names.add("customer." + f.name()));
        CARD.forEach(f -> names.add("card." + f));
        LOCATION.forEach(f -> names.add("location." + f));
        valueTypes.forEach(v -> names.add(balance(v)));
        TRANSACTION.forEach(f -> names.add("transaction." + f));
        names.addAll(OTHER);
        return new MergeFields(names);
    }

    public static String balance(ValueTypeKey key) {
        return BALANCE + key.asText();
    }

    public boolean knows(String name) {
        return names.contains(name);
    }

    /** Every field, in the order above (the editor's list). */
    public List<String> all() {
        return new ArrayList<>(names);
    }
}
