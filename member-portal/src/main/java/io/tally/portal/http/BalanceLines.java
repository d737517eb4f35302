package io.tally.portal.http;

import io.tally.domain.ledger.Balance;
import io.tally.domain.ledger.Bucket;
import io.tally.domain.ledger.CardView;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.shared.DecimalAmounts;
import io.tally.portal.http.View.BalanceLine;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A card's balances as the pages show them: each value type by its name, amounts in its decimal form. */
final class BalanceLines {
    private final LoadProgramsPort programs;

    BalanceLines(LoadProgramsPort programs) {
        this.programs = programs;
    }

    /** The brand's value types' scales (minor units per unit, as decimal places). */
    Map<ValueTypeKey, Integer> scales(PortalConfig config) {
        Map<ValueTypeKey, Integer> scales = new HashMap<>();
        for (ValueType vt : programs.catalogue(config.brand()).valueTypes()) {
            scales.put(vt.key(), vt.scale());
        }
        return scales;
    }

    List<BalanceLine> lines(PortalConfig config, CardView card) {
        return lines(scales(config), card);
    }

    static List<BalanceLine> lines(Map<ValueTypeKey, Integer> scales, CardView card) {
        List<BalanceLine> lines = new ArrayList<>();
        for (Balance b : card.state().balanceList()) {
            int scale = scale(scales, b.key());
            String name = name(b.key());
            Optional<Bucket> next = b.buckets().stream().filter(x -> x.remaining() > 0 && x.expiresAt().isPresent())
                    .min(Comparator.comparing(x -> x.expiresAt().get()));
            String expiry = next.map(x -> amount(x.remaining(), scale) + " " + name + " expires on "
                    + x.expiresAt().get().atZone(ZoneOffset.UTC).toLocalDate() + ".").orElse(null);
            lines.add(new BalanceLine(name, amount(b.total(), scale), amount(b.held(), scale), amount(b.available(), scale), expiry));
        }
        return lines;
    }

    static int scale(Map<ValueTypeKey, Integer> scales, ValueTypeKey key) {
        return scales.getOrDefault(key, key.defaultScale());
    }

    static String name(ValueTypeKey key) {
        return key.code() != null ? key.code() : key.type().wireName();
    }

    static String amount(long minor, int scale) {
        return DecimalAmounts.toDecimal(minor, scale).toPlainString();
    }
}
