package io.tally.domain.sms;

import io.tally.domain.card.CardNumber;
import io.tally.domain.member.ContactKey;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.tenant.BrandId;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One text message, queued for sending. {@code id} is deterministic for the business fact it tells (like an e-mail's:
 * {@code sms-<mailing>-<card>}), so enqueuing it twice still sends it once; {@code to} is an E.164 number
 * ({@code +442079460018}); {@code list} the subscription list it belongs to; {@code text} plain text, at most
 * {@link #MAX_SEGMENTS} segments ({@link SmsText}), never HTML; {@code origin} the mailing and card it was sent for,
 * where it belongs to one (a send's text: what its delivery figures and the card's mailings are kept under).
 */
public record SmsMessage(String id, BrandId brand, String to, String list, String text, Optional<Origin> origin) {
    public static final int MAX_SEGMENTS = 4;
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    /**
     * What a text was sent for: the mailing ({@code send-…} or a send's {@code test-…}), the card, the template and the
     * location it speaks for (the card's owning location on a scheduled send), where it has one.
     */
    public record Origin(String mailing, CardNumber card, String template, Optional<String> location) {
        public Origin {
            Identifiers.require(mailing, "mailing");
            Objects.requireNonNull(card, "card");
            Identifiers.require(template, "template");
            Objects.requireNonNull(location, "location");
        }
    }

    /** A text of no mailing (nothing counts it). */
    public SmsMessage(String id, BrandId brand, String to, String list, String text) {
        this(id, brand, to, list, text, Optional.empty());
    }

    public SmsMessage {
        Objects.requireNonNull(origin, "origin");
        Identifiers.require(id, "message id");
        Objects.requireNonNull(brand, "brand");
        if (to == null || !E164.matcher(to).matches()) {
            throw new IllegalArgumentException("not an E.164 number");
        }
        Identifiers.require(list, "list");
        Objects.requireNonNull(text, "text");
        if (text.isBlank() || SmsText.segments(text) > MAX_SEGMENTS) {
            throw new IllegalArgumentException("a text message must be 1 to " + MAX_SEGMENTS + " segments");
        }
    }

    /**
     * A member's phone as E.164, if it names its country: written with {@code +} or the international prefix
     * {@code 00} ({@code +44 20 7946 0018}, {@code 0044 …}). A national number ({@code 020 7946 0018}) is not sent to:
     * the platform keeps no country per member, and guessing one would text a stranger.
     */
    public static Optional<String> e164(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        String text = phone.strip();
        String digits = text.replaceAll("[^0-9]", "");
        if (text.startsWith("+")) {
            return Optional.of("+" + digits).filter(n -> E164.matcher(n).matches());
        }
        if (text.startsWith("00")) {
            return Optional.of("+" + digits.substring(2)).filter(n -> E164.matcher(n).matches());
        }
        return Optional.empty();
    }

    /** The same message under another id (a send's test, one per version). */
    public SmsMessage withId(String newId) {
        return new SmsMessage(newId, brand, to, list, text, origin);
    }

    /**
     * The key a phone's list choices are kept under ({@code member.PreferencesPort}): the digits of its E.164 form
     * ({@code phone:442079460018}), the same however the card writes the number ({@code +44 20 …}, {@code 0044 …});
     * empty for a number that names no country (never texted, so it has no choices either).
     */
    public static Optional<ContactKey> choicesKey(String phone) {
        return e164(phone).map(ContactKey::phone);
    }

    @Override
    public String toString() {
        return "SmsMessage[" + id + "]"; // never the number or the text in a log
    }
}
