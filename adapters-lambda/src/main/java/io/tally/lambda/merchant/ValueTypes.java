package io.tally.lambda.merchant;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.domain.program.BalanceType;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.tenant.BrandId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The brand's value types as the API needs them: which key a request names, and how many decimals its amounts
 * have. A brand may have the same key (say Points) in two programs; only then does a request need the card's
 * program to know the scale, and only then is the card read here.
 */
final class ValueTypes {
    private final LoadProgramsPort programs;

    ValueTypes(LoadProgramsPort programs) {
        this.programs = programs;
    }

    /** {@code {balanceType, balanceCode}} as a key; an unknown type or a bad code is UNKNOWN_VALUE_TYPE. */
    static Outcome<ValueTypeKey> key(JsonNode amount, String path) {
        Input in = new Input();
        Optional<String> type = in.take(Fields.text(amount, "balanceType", 32), Optional.empty());
        Optional<String> code = in.take(Fields.text(amount, "balanceCode", 64), Optional.empty());
        if (in.failed()) {
            return in.rejected();
        }
        if (type.isEmpty()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, path + ".balanceType is required (Currency, Points, Punches or Custom).");
        }
        Optional<BalanceType> balanceType = BalanceType.fromWire(type.get());
        if (balanceType.isEmpty()) {
            return Outcome.rejected(Reason.UNKNOWN_VALUE_TYPE, "Unknown balanceType '" + Fields.abbreviate(type.get())
                    + "': use Currency, Points, Punches or Custom.");
        }
        try {
            return Outcome.accepted(new ValueTypeKey(balanceType.get(), code.orElse(null)));
        } catch (IllegalArgumentException badCode) {
            return Outcome.rejected(Reason.UNKNOWN_VALUE_TYPE, balanceType.get().wireName()
                    + " needs a valid balanceCode (an ISO currency code for Currency, a custom name for Custom).");
        }
    }

    /**
     * The value type a request's amount is in, and the scales to answer with. {@code cardProgram} is asked only
     * when the key exists in more than one of the brand's programs.
     */
    Outcome<Resolved> resolve(BrandId brand, ValueTypeKey key, Supplier<Outcome<ProgramId>> cardProgram) {
        LoadProgramsPort.Catalogue catalogue = programs.catalogue(brand);
        List<ValueType> matches = catalogue.valueTypes().stream().filter(v -> v.key().equals(key)).toList();
        if (matches.isEmpty()) {
            return unknown(key);
        }
        if (matches.stream().map(ValueType::program).distinct().count() == 1) {
            return Outcome.accepted(new Resolved(matches.get(0), Scales.forProgram(catalogue, matches.get(0).program())));
        }
        return cardProgram.get().flatMap(program -> matches.stream().filter(v -> v.program().equals(program)).findFirst()
                .<Outcome<Resolved>>map(v -> Outcome.accepted(new Resolved(v, Scales.forProgram(catalogue, program))))
                .orElseGet(() -> unknown(key)));
    }

    /** Scales for a card whose program is known. */
    Scales forProgram(BrandId brand, ProgramId program) {
        return Scales.forProgram(programs.catalogue(brand), program);
    }

    /** Scales for a card known only by the keys of its balances (the program holding all of them). */
    Scales forKeys(BrandId brand, Collection<ValueTypeKey> keys) {
        return Scales.forKeys(programs.catalogue(brand), keys);
    }

    private static <T> Outcome<T> unknown(ValueTypeKey key) {
        return Outcome.rejected(Reason.UNKNOWN_VALUE_TYPE, "The card's program has no value type " + key + ".");
    }

    /** The value type a request names, with the scales of its program. */
    record Resolved(ValueType valueType, Scales scales) {
    }
}
