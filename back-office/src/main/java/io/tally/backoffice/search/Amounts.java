package io.tally.backoffice.search;

import io.tally.domain.ledger.CardState;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.ValueType;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Amounts and times as the pages show them: in the value type's unit (its scale), times in UTC. */
final class Amounts {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Map<String, ValueType> types = new HashMap<>();

    /** The brand's value types, read once per page (the catalogue is one read). */
    Amounts(LoadProgramsPort programs, BrandId brand) {
        programs.catalogue(brand).valueTypes().forEach(v -> types.putIfAbsent(v.key().asText(), v));
    }

    /** {@code minor} of the value type named by its key text, e.g. "12.50 Currency:USD". */
    String format(String keyText, long minor) {
        ValueType type = types.get(keyText);
        String amount = type == null ? Long.toString(minor) : type.format(minor);
        return amount + " " + keyText;
    }

    /** A signed change ("+12.50 Currency:USD"). */
    String change(String keyText, long minor) {
        return (minor > 0 ? "+" : "") + format(keyText, minor);
    }

    /** Every balance of a state, "12.50 Currency:USD, 3 Points". */
    String balances(CardState state) {
        return state.balanceList().stream().map(b -> format(b.key().asText(), b.total())).collect(Collectors.joining(", "));
    }

    static String time(Instant t) {
        return TIME.format(t);
    }
}
