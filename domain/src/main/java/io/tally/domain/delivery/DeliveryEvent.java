package io.tally.domain.delivery;

import io.tally.domain.card.ProfileRules;
import io.tally.domain.communication.CardMailing;
import io.tally.domain.communication.TemplateMail;
import io.tally.domain.shared.Fingerprint;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.tenant.BrandId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing that happened to one message, as the provider (SES's event publishing) or our own tracking (the image, a
 * click) tells it. {@code id} is the event's identity (the SNS message id of a provider event, a fresh id per request
 * of the tracking image or a click, {@code drop-<message id>} for a bounce drop): each is counted exactly once.
 * {@code mailing} is what sent the message ({@link TemplateMail}: {@code send-…}, {@code rule-…}, {@code test-…});
 * {@code recipient} the recipient's fingerprint (unique opens and clicks are per recipient per mailing);
 * {@code address} the e-mail address itself where the provider names it (a complaint or a bounce acts on it; a text's
 * events name none); {@code channel} what carried the message (e-mail, or a text: {@link #ofText}).
 */
public record DeliveryEvent(String id, BrandId brand, Kind kind, String mailing, Optional<String> list,
                            Optional<String> location, String recipient, Optional<String> address, Instant at,
                            CardMailing.Channel channel) {

    /** What happened. SES's Open and Click are parsed but never counted: our own image and links count them. */
    public enum Kind {
        SEND, DELIVERY, OPEN, CLICK, SOFT_BOUNCE, HARD_BOUNCE, COMPLAINT, BOUNCE_DROP,
        /** Provider events nothing is counted for (Reject, DeliveryDelay, SES's own Open and Click tracking). */
        IGNORED
    }

    /** The mailing of a message that belongs to none (a welcome, an invitation): acted on, never counted. */
    public static final String NO_MAILING = "none";

    /** An e-mail's event. */
    public DeliveryEvent(String id, BrandId brand, Kind kind, String mailing, Optional<String> list,
                         Optional<String> location, String recipient, Optional<String> address, Instant at) {
        this(id, brand, kind, mailing, list, location, recipient, address, at, CardMailing.Channel.EMAIL);
    }

    /** A text message's event: the recipient is its phone's fingerprint, and nothing acts on an address. */
    public static DeliveryEvent ofText(String id, BrandId brand, Kind kind, String mailing, Optional<String> list,
                                       Optional<String> location, String phone, Instant at) {
        return new DeliveryEvent(id, brand, kind, mailing, list, location, recipientOfPhone(phone), Optional.empty(), at,
                CardMailing.Channel.SMS);
    }

    public DeliveryEvent {
        Objects.requireNonNull(channel, "channel");
        if (id == null || !id.matches("[A-Za-z0-9_.:\\-]{1,128}")) {
            throw new IllegalArgumentException("an event id is 1-128 letters, digits, '_', '.', ':' or '-'");
        }
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(kind, "kind");
        Identifiers.require(mailing, "mailing");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(at, "at");
    }

    /** The recipient key of an address: its fingerprint, the same from the provider and from our own links. */
    public static String recipientOf(String address) {
        return Fingerprint.of(ProfileRules.normalizeEmail(address));
    }

    /** The recipient key of a phone (E.164): its fingerprint, never the number. */
    public static String recipientOfPhone(String phone) {
        return Fingerprint.of("phone", phone.strip());
    }

    /** Whether it counts in the statistics: never for a test send ({@link TemplateMail#test}). */
    public boolean counted() {
        return kind != Kind.IGNORED && !TemplateMail.test(mailing) && !NO_MAILING.equals(mailing);
    }
}
