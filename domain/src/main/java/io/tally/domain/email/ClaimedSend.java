package io.tally.domain.email;

import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The at-most-once hand-over of a message to its provider, shared by the e-mail and SMS senders: claim the message id
 * (A23), give the message to the provider, mark the claim with the instant the provider took it ({@code handedAt}),
 * then tell what follows (a card's mailings, a text's counts) that instant. A redelivery of a claimed message sends
 * nothing: if the claim is marked it tells the stored instant again (a crash after the mark is mended), if not (the
 * provider refused it, or the sender died before the mark) it tells nothing.
 */
public final class ClaimedSend {
    /** What became of the hand-over. */
    public enum Handing {
        /** Claimed now and taken by the provider. */
        SENT,
        /** A redelivery of a message the provider took: nothing sent, told again with the stored instant. */
        ALREADY_SENT,
        /** A redelivery of a claimed message the provider never took, as far as the claim knows: nothing sent or told. */
        NOT_HANDED
    }

    private ClaimedSend() {
    }

    /**
     * @param provide gives the message to the provider; a refusal throws (the claim then stays unmarked)
     * @param told    told the instant the provider took the message, on the first delivery and on every redelivery
     */
    public static Handing send(SentEmailsPort sent, BrandId brand, String messageId, Clock clock, Runnable provide,
                               Consumer<Instant> told) {
        boolean claimedNow = sent.claim(brand, messageId, clock.instant());
        Optional<Instant> handed;
        if (claimedNow) {
            provide.run(); // a refusal throws: the message is never marked, never told
            Instant at = clock.instant();
            sent.markHanded(brand, messageId, at);
            handed = Optional.of(at);
        } else {
            handed = sent.handedAt(brand, messageId);
        }
        // a crash after the mark is mended by the redelivery; one refused, or cut short between the provider call and
        // the mark, is told nothing (the safe side for revenue: a claim cannot tell the two apart)
        handed.ifPresent(told);
        if (claimedNow) {
            return Handing.SENT;
        }
        return handed.isPresent() ? Handing.ALREADY_SENT : Handing.NOT_HANDED;
    }
}
