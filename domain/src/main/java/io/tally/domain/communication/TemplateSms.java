package io.tally.domain.communication;

import io.tally.domain.card.Customer;
import io.tally.domain.ledger.CardView;
import io.tally.domain.ledger.Posting;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.portal.SubscriptionList;
import io.tally.domain.program.ValueType;
import io.tally.domain.sms.OptOutHint;
import io.tally.domain.sms.SmsMessage;
import io.tally.domain.sms.SmsText;
import io.tally.domain.tenant.Location;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A template's text part as one card's text message: what a send on the SMS channel queues per recipient (the
 * fan-out renders at merge, the SMS sender sends the text as it is). Merge fields as in e-mails ({@link MergeValues}),
 * merged raw (no HTML: the HTML part and the subject are not used), runs of blank space folded, a promotional text
 * ended with its opt-out hint ({@link OptOutHint}: carriers require it; counted in its segments), and the message id
 * {@code sms-<mailing>-<card>}, so each card gets a mailing's text at most once (the claim, A23).
 */
public final class TemplateSms {
    private TemplateSms() {
    }

    /** What became of one card: a message to queue, or why none (counted by the send, never an error). */
    public sealed interface Built {
        record Message(SmsMessage sms) implements Built {
        }

        /** The card's primary customer has no phone written with its country ({@link SmsMessage#e164}). */
        record NoPhone() implements Built {
        }

        /** The merged text is empty (the template has no text part, or only fields without values). */
        record NoText() implements Built {
        }

        /**
         * The merged text (with its opt-out hint) is over {@link SmsMessage#MAX_SEGMENTS} segments (a long name or
         * balance pushed it over).
         */
        record TooLong(int segments) implements Built {
        }
    }

    /** The card's message from the template, its merge values read as {@link MergeValues#of} reads them. */
    public static Built build(String mailing, String list, PortalConfig brand, CardView view, EmailTemplate template,
                              List<ValueType> valueTypes, Optional<Location> location, Optional<Posting> transaction,
                              Map<String, String> links) {
        return build(mailing, list, brand, view, template,
                MergeValues.of(brand, view, valueTypes, location, transaction, links), location.map(l -> l.id().value()));
    }

    /** The card's message from the template and merge values the caller already has, with no location. */
    public static Built build(String mailing, String list, PortalConfig brand, CardView view, EmailTemplate template,
                              Map<String, String> values) {
        return build(mailing, list, brand, view, template, values, Optional.empty());
    }

    /**
     * The card's message from the template and merge values the caller already has; {@code brand}'s lists tell whether
     * {@code list} is transactional (no hint) or not (an unknown list counts as promotional). Its origin names the
     * mailing, the card, the template and {@code location} (the location the text speaks for), what its figures are
     * kept under.
     */
    public static Built build(String mailing, String list, PortalConfig brand, CardView view, EmailTemplate template,
                              Map<String, String> values, Optional<String> location) {
        Optional<String> to = view.card().primaryCustomer().map(Customer::phone).flatMap(SmsMessage::e164);
        if (to.isEmpty()) {
            return new Built.NoPhone();
        }
        String text = text(template, values);
        if (text.isEmpty()) {
            return new Built.NoText();
        }
        if (!brand.list(list).map(SubscriptionList::transactional).orElse(false)) {
            text = OptOutHint.added(text);
        }
        int segments = SmsText.segments(text);
        if (segments > SmsMessage.MAX_SEGMENTS) {
            return new Built.TooLong(segments);
        }
        String id = "sms-" + mailing + "-" + view.card().number().value();
        return new Built.Message(new SmsMessage(id, view.card().brand(), to.get(), list, text, Optional.of(
                new SmsMessage.Origin(mailing, view.card().number(), template.id(), location))));
    }

    /** The text part merged raw, trailing blanks of each line dropped, at most one blank line in a row. */
    public static String text(EmailTemplate template, Map<String, String> values) {
        if (!(MergeTemplate.parse(template.text()) instanceof MergeTemplate.Parsed.Ok ok)) {
            throw new IllegalStateException("a stored template's text part does not parse");
        }
        return ok.template().render(values, v -> v).replace("\r\n", "\n")
                .replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }
}
