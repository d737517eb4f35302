package io.tally.domain.sms;

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
 * {@link #MAX_SEGMENTS} segments ({@link SmsText}), never HTML.
 */
public record SmsMessage(String id, BrandId brand, String to, String list, String text) {
    public static final int MAX_SEGMENTS = 4;
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    public SmsMessage {
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
