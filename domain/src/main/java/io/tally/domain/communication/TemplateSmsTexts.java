package io.tally.domain.communication;

import io.tally.domain.card.Card;
import io.tally.domain.communication.send.SendTexts;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.CardQueriesUseCase;
import io.tally.domain.ledger.CardView;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.ValueType;
import io.tally.domain.shared.Outcome;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationsPort;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The texts of a send on the SMS channel, merged as {@link TemplateMailRenderer} merges a scheduled send's e-mail: the
 * template (its current version, read once a page), the card with its balances (A11b), its owning location (A39, the
 * brand's locations read once a page), its newest entry as the transaction, the value types (A2, once a page). No
 * links: a text carries no unsubscribe or preferences link (STOP is the way out; {@code link.*} fields render their
 * fallback). A card gone since the page was listed gets nothing ({@code NoPhone}).
 */
public final class TemplateSmsTexts implements SendTexts {
    private final TemplatesPort templates;
    private final LoadProgramsPort programs;
    private final CardQueriesUseCase cards;
    private final CardLedgerPort ledger;
    private final LocationsPort locations;

    public TemplateSmsTexts(TemplatesPort templates, LoadProgramsPort programs, CardQueriesUseCase cards,
                            CardLedgerPort ledger, LocationsPort locations) {
        this.templates = templates;
        this.programs = programs;
        this.cards = cards;
        this.ledger = ledger;
        this.locations = locations;
    }

    @Override
    public Optional<Texts> of(BrandId brand, String template, PortalConfig config) {
        Optional<EmailTemplate> found = templates.find(brand, template);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<ValueType> valueTypes = programs.catalogue(brand).valueTypes();
        List<Location> brandLocations = locations.locations(brand);
        return Optional.of((mailing, list, card) -> build(config, found.get(), valueTypes, brandLocations, mailing, list,
                card));
    }

    private TemplateSms.Built build(PortalConfig config, EmailTemplate template, List<ValueType> valueTypes,
                                    List<Location> brandLocations, String mailing, String list, Card card) {
        Outcome<CardView> view = cards.lookup(card.brand(), card.number(), Optional.empty());
        if (!view.isAccepted()) {
            return new TemplateSms.Built.NoPhone();
        }
        Optional<Location> location = card.owningLocation().flatMap(l -> brandLocations.stream()
                .filter(x -> x.id().equals(l)).findFirst());
        return TemplateSms.build(mailing, list, config, view.value(), template, valueTypes, location,
                ledger.head(card.brand(), card.number()).map(LedgerEntry::posting), Map.of());
    }
}
