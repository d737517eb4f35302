package io.tally.domain.communication;

import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.campaign.CheckoutConfigPort;
import io.tally.domain.card.CardNumber;
import io.tally.domain.event.DomainEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The events consumer's listener that attributes each committed checkout on a card to the mailing that reached the card
 * last within {@link #WINDOW} before it ({@code sentAt} in {@code [checkout − 7 days, checkout]}, both ends included;
 * at the same millisecond the greater message id), with the checkout total in minor units of the brand's checkout
 * currency, its revenue per SKU tag of the brand ({@link SkuTagAmounts}) and the checkout's day in the brand's zone. At least once in, at most once stored: the attribution is one
 * conditional write keyed by the checkout's transaction id ({@link MailingRevenuePort#attribute}), decided by the first
 * delivery that reaches it. A void ({@code ledger.void}) takes its related transaction's revenue out. A setup stage is
 * not a sale; a checkout without a card (anonymous) has no ledger event and so no attribution.
 */
public final class AttributeCheckoutRevenue implements Consumer<DomainEvent> {
    /** How long after a mailing a checkout is still credited to it. */
    public static final Duration WINDOW = Duration.ofDays(7);

    private final CardMailingsPort mailings;
    private final MailingRevenuePort revenue;
    private final CheckoutConfigPort configs;

    public AttributeCheckoutRevenue(CardMailingsPort mailings, MailingRevenuePort revenue, CheckoutConfigPort configs) {
        this.mailings = Objects.requireNonNull(mailings, "mailings");
        this.revenue = Objects.requireNonNull(revenue, "revenue");
        this.configs = Objects.requireNonNull(configs, "configs");
    }

    @Override
    public void accept(DomainEvent event) {
        var data = event.data();
        if (event.type().equals("ledger.void") && data.containsKey("relatedTransactionId")) {
            revenue.voided(event.brand(), data.get("relatedTransactionId"), event.occurredAt());
            return;
        }
        if (!event.type().equals("ledger.checkout") || !"COMMIT".equals(data.get("checkout.stage"))
                || !data.containsKey("cardNumber") || !data.containsKey("transactionId")) {
            return;
        }
        CheckoutConfig config = configs.load(event.brand());
        long amount = minor(data.getOrDefault("checkout.total", "0"), config.currency().defaultScale());
        if (amount <= 0) {
            return;
        }
        CardNumber card = new CardNumber(data.get("cardNumber"));
        Optional<CardMailing> last = mailings.newestWithin(event.brand(), card, event.occurredAt().minus(WINDOW),
                event.occurredAt());
        last.ifPresent(m -> revenue.attribute(new Attribution(event.brand(), data.get("transactionId"), card, m.mailing(),
                m.messageId(), m.channel(), Optional.ofNullable(data.get("location")), event.occurredAt(),
                LocalDate.ofInstant(event.occurredAt(), config.zone()), amount, SkuTagAmounts.of(data, config, amount))));
    }

    /** A decimal of the checkout currency in its minor units (half-even, as Explore Data keeps checkout totals). */
    static long minor(String decimal, int scale) {
        return new BigDecimal(decimal).movePointRight(scale).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
