package io.tally.domain.communication.send;

import io.tally.domain.card.Card;
import io.tally.domain.communication.TemplateSms;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.tenant.BrandId;
import java.util.Optional;

/**
 * The texts of a send on the SMS channel ({@code communication.TemplateSmsTexts}): for one page or one test, the
 * template and the brand's value types and locations are read once; each card's text is then built by
 * {@link TemplateSms#build} (message id {@code sms-<mailing>-<card>}).
 */
@FunctionalInterface
public interface SendTexts {
    /** The template's texts for the brand; empty if the template is gone (every card of the page is then skipped). */
    Optional<Texts> of(BrandId brand, String template, PortalConfig config);

    @FunctionalInterface
    interface Texts {
        /** One card's text, or why none (no usable phone, no text, too long: counted as skipped, never an error). */
        TemplateSms.Built build(String mailing, String list, Card card);
    }
}
