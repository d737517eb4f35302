package io.tally.domain.account;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardSearch;
import io.tally.domain.card.CardStatus;
import io.tally.domain.card.Customer;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponPort;
import io.tally.domain.enrollment.CustomerForm;
import io.tally.domain.ledger.CardQueriesUseCase;
import io.tally.domain.ledger.CardQueriesUseCase.HistoryQuery;
import io.tally.domain.ledger.CardView;
import io.tally.domain.ledger.HistoryPage;
import io.tally.domain.ledger.RequestInfo;
import io.tally.domain.ledger.UpdateAccountUseCase;
import io.tally.domain.ledger.UpdateAccountUseCase.UpdateAccountCommand;
import io.tally.domain.member.ContactKey;
import io.tally.domain.portal.CustomerField;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.shared.Outcome;
import io.tally.domain.sms.SmsMessage;
import io.tally.domain.tenant.BrandId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A signed-in member's own account: the cards whose primary customer has their e-mail, each card's balances, holds,
 * coupons, history and profile events, and their profile within the brand's customer model. A card is the member's
 * only if the card itself (read consistently) names their e-mail now: a number typed into a URL that is not theirs
 * answers exactly like one that does not exist.
 */
public final class MemberAccountUseCase {
    /** Cards listed per member at most (the search's bound). */
    public static final int MAX_CARDS = 20;
    /** History entries per page. */
    public static final int HISTORY_PAGE = 20;
    /** How far back the history reaches. */
    public static final Duration HISTORY_WINDOW = Duration.ofDays(366);
    /** Profile events shown per card at most. */
    public static final int MAX_EVENTS = 20;
    private final CardQueriesUseCase queries;
    private final CouponPort coupons;
    private final UpdateAccountUseCase account;
    private final ProfileEventsSource events;
    private final Clock clock;

    public MemberAccountUseCase(CardQueriesUseCase queries, CouponPort coupons, UpdateAccountUseCase account,
                                ProfileEventsSource events, Clock clock) {
        this.queries = queries;
        this.coupons = coupons;
        this.account = account;
        this.events = events;
        this.clock = clock;
    }

    /** The member's cards with their balances now, inactive ones included (the page says which). */
    public List<CardView> cards(BrandId brand, ContactKey email) {
        CardSearch byEmail = new CardSearch.ByEmail(email.value());
        return queries.search(brand, byEmail, true, MAX_CARDS).stream().filter(v -> owns(v.card(), email)).toList();
    }

    /**
     * The phones texts reach on the member's cards: each card's primary customer's, in E.164 when it names its country
     * ({@link SmsMessage#e164}; a national number is never texted), each once, in the cards' order. The preferences page
     * shows a phone's "Text messages" boxes for each.
     */
    public List<String> phones(BrandId brand, ContactKey email) {
        return cards(brand, email).stream().map(v -> v.card().primaryCustomer().map(Customer::phone)
                .flatMap(SmsMessage::e164)).flatMap(Optional::stream).distinct().toList();
    }

    /** One card of the member's with everything the card page shows. */
    public record CardDetail(CardView view, List<Coupon> coupons, HistoryPage history,
                             List<ProfileEventsSource.ProfileEvent> events) {
    }

    /** The card, if it is the member's; {@code cursor}: a history page's, from the previous page. */
    public Optional<CardDetail> card(BrandId brand, ContactKey email, CardNumber number, Optional<String> cursor) {
        Outcome<CardView> found = queries.lookup(brand, number, Optional.empty());
        if (!found.isAccepted() || !owns(found.value().card(), email)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Outcome<HistoryPage> history = queries.history(new HistoryQuery(brand, number, now.minus(HISTORY_WINDOW),
                now.plusSeconds(1), HISTORY_PAGE, cursor));
        return Optional.of(new CardDetail(found.value(), coupons.ofCard(brand, number),
                history.isAccepted() ? history.value() : new HistoryPage(List.of(), Optional.empty()),
                events.forProfile(brand, number, MAX_EVENTS)));
    }

    /** The profile as the form shows it: the first active card's primary customer and the brand fields' values. */
    public record Profile(Customer customer, Map<String, String> brandFields) {
    }

    public Optional<Profile> profile(BrandId brand, ContactKey email) {
        return cards(brand, email).stream().map(CardView::card).filter(c -> c.status() == CardStatus.ACTIVE).findFirst()
                .map(c -> new Profile(c.primaryCustomer().orElse(Customer.EMPTY), c.brandDemographics()));
    }

    /** The customer model's fields a member may edit here: all but e-mail (their sign-in) and phone (a member's key). */
    public static List<CustomerField.Spec> editable(PortalConfig config) {
        return config.customerModel().stream()
                .filter(s -> s.field() != CustomerField.EMAIL && s.field() != CustomerField.PHONE).toList();
    }

    /** Saved, or the problems by form field name. */
    public record ProfileChange(Map<String, String> problems) {
        public boolean saved() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks the form against the brand's customer model ({@link CustomerForm}, as the enrollment does) and stores it
     * on every active card of the member, each through {@link UpdateAccountUseCase} (its checks, its conditional
     * write). Sending the same form again stores the same values: a retry after a failure part-way is safe.
     */
    public ProfileChange updateProfile(PortalConfig config, ContactKey email, Map<String, String> form) {
        CustomerForm.Parsed parsed = CustomerForm.parse(editable(config), config.demographics(), form);
        if (!parsed.valid()) {
            return new ProfileChange(parsed.problems());
        }
        Map<String, String> problems = new LinkedHashMap<>();
        for (CardView view : cards(config.brand(), email)) {
            if (view.card().status() != CardStatus.ACTIVE) {
                continue;
            }
            Outcome<Card> stored = account.update(new UpdateAccountCommand(config.merchantContext(),
                    RequestInfo.of("portal-profile"), view.card().number(), Optional.of(parsed.customer()),
                    Optional.empty(), parsed.demographics(), Map.of(), Map.of(), Optional.empty(), false, Optional.empty()));
            if (stored instanceof Outcome.Rejected<Card> rejected) {
                problems.put("form", rejected.rejection().detail());
            }
        }
        return new ProfileChange(problems);
    }

    private static boolean owns(Card card, ContactKey email) {
        return card.primaryCustomer().flatMap(Customer::searchableEmail).map(email.value()::equals).orElse(false);
    }
}
