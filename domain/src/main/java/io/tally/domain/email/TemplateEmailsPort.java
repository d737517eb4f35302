package io.tally.domain.email;

import io.tally.domain.portal.PortalConfig;
import java.util.Objects;

/**
 * Renders a message of a brand's own template ({@link EmailKind#TEMPLATE}) at send time from the stored template and
 * the recipient card's data, or says why it cannot ever be sent (the template deleted, the card gone): such a message
 * is dropped, never retried.
 */
public interface TemplateEmailsPort {
    Result render(EmailMessage message, PortalConfig brand);

    sealed interface Result {
        record Rendered(RenderedEmail email) implements Result {
            public Rendered {
                Objects.requireNonNull(email, "email");
            }
        }

        record Dropped(Why why) implements Result {
        }
    }

    enum Why { TEMPLATE_GONE, CARD_GONE, MALFORMED }

    /** Where no brand templates are sent (a graph without them): every such message is dropped as malformed. */
    TemplateEmailsPort NONE = (message, brand) -> new Result.Dropped(Why.MALFORMED);
}
