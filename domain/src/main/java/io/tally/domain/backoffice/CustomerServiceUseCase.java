package io.tally.domain.backoffice;

import io.tally.domain.card.Card;
import io.tally.domain.card.CardLocationsPort;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.CardSearch;
import io.tally.domain.card.SearchableName;
import io.tally.domain.coupon.CouponPort;
import io.tally.domain.event.ActivityLogPort;
import io.tally.domain.event.ActivityLogPort.Position;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.CardQueriesUseCase;
import io.tally.domain.ledger.CardView;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Sealer;
import io.tally.domain.shared.Reason;
import io.tally.domain.staff.Permission;
import io.tally.domain.staff.StaffScope;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Customer service's reads in the back office: find cards, look transactions up, list the brand's transactions, and the
 * card page. Every read takes the staff member's {@link StaffScope} and needs {@link Permission#READ_CARDS}. A manager
 * (scoped to location groups) sees a card only if it was used at one of their locations ({@link CardLocationsPort}),
 * and a transaction only if it happened at one of them; anything else is answered exactly as something that does not
 * exist (no card, no transaction, an empty page).
 */
public final class CustomerServiceUseCase {
    /** Cards a search answers at most. */
    public static final int SEARCH_LIMIT = 25;
    /** History entries per card page. */
    public static final int HISTORY_PAGE = 20;
    /** Transactions per page of the brand's listing. */
    public static final int TRANSACTIONS_PAGE = 50;
    /** Events of the log examined per page of the listing at most (a few queries of {@link ActivityLogPort#MAX_PAGE}). */
    public static final int MAX_EXAMINED = 500;
    /** Transactions a lookup answers at most. */
    public static final int LOOKUP_LIMIT = 50;

    private final CardPort cards;
    private final CardLedgerPort ledger;
    private final CouponPort coupons;
    private final CardLocationsPort locations;
    private final ActivityLogPort activity;
    private final CardQueriesUseCase queries;

    /** Seals the transactions pages' cursors (they may point at events the staff member may not see). */
    private final Sealer cursors;

    public CustomerServiceUseCase(CardPort cards, CardLedgerPort ledger, CouponPort coupons, CardLocationsPort locations,
                                  ActivityLogPort activity, Sealer cursors, Clock clock) {
        this.cursors = cursors;
        this.cards = cards;
        this.ledger = ledger;
        this.coupons = coupons;
        this.locations = locations;
        this.activity = activity;
        this.queries = new CardQueriesUseCase(cards, ledger, clock);
    }

    /** Cards found by what was typed; a malformed card number, e-mail or phone is a rejection for the form. */
    public Outcome<List<Card>> find(StaffScope scope, CardFinder finder, String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "Type what to search for.");
        }
        if (!scope.can(Permission.READ_CARDS)) {
            return Outcome.accepted(List.of());
        }
        if (finder == CardFinder.CARD_NUMBER) {
            return CardNumber.parse(text).map(n -> card(scope, n).map(List::of).orElse(List.of()));
        }
        return criterion(finder, text).map(c -> cards.search(scope.brand(), c, SEARCH_LIMIT).stream()
                .filter(card -> visible(scope, card.number())).toList());
    }

    private static Outcome<CardSearch> criterion(CardFinder finder, String text) {
        try {
            return switch (finder) {
                case CUSTOM_CARD_NUMBER -> Outcome.accepted(new CardSearch.ByCustomCardNumber(text));
                case FIRST_NAME, LAST_NAME -> SearchableName.of(text).isEmpty()
                        ? Outcome.rejected(Reason.INVALID_REQUEST, "A name needs at least one letter.")
                        : Outcome.accepted(finder == CardFinder.FIRST_NAME ? new CardSearch.ByFirstName(text)
                        : new CardSearch.ByLastName(text));
                case EMAIL -> text.contains("@") ? Outcome.accepted(new CardSearch.ByEmail(text))
                        : Outcome.rejected(Reason.INVALID_REQUEST, "An e-mail address has an @.");
                case PHONE -> text.chars().filter(Character::isDigit).count() < 6
                        ? Outcome.rejected(Reason.INVALID_REQUEST, "A phone number has at least 6 digits.")
                        : Outcome.accepted(new CardSearch.ByPhone(text));
                case THIRD_PARTY_USERNAME -> username(text);
                case CARD_NUMBER -> throw new IllegalStateException("card numbers are read by number");
            };
        } catch (IllegalArgumentException e) {
            return Outcome.rejected(Reason.INVALID_REQUEST, e.getMessage());
        }
    }

    private static Outcome<CardSearch> username(String text) {
        int cut = text.indexOf(':');
        if (cut <= 0 || cut == text.length() - 1) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "Write a third-party username as system:username.");
        }
        return Outcome.accepted(new CardSearch.ByThirdPartyUsername(text.substring(0, cut).strip(),
                text.substring(cut + 1).strip()));
    }

    /** The card's profile, if it exists in the brand and is in scope. */
    public Optional<Card> card(StaffScope scope, CardNumber number) {
        if (!scope.can(Permission.READ_CARDS)) {
            return Optional.empty();
        }
        return cards.load(scope.brand(), number).filter(c -> visible(scope, c.number()));
    }

    /**
     * The card page: balances and holds as of now, one page of history newest first ({@code before}: the cursor of
     * an earlier page; malformed, it starts at the newest entry), the card's coupons.
     */
    public Optional<CardPage> cardPage(StaffScope scope, CardNumber number, Optional<String> before) {
        if (!scope.can(Permission.READ_CARDS) || !visible(scope, number)) {
            return Optional.empty();
        }
        Outcome<CardView> view = queries.lookup(scope.brand(), number, Optional.empty());
        if (!view.isAccepted()) {
            return Optional.empty();
        }
        long start = before.flatMap(CustomerServiceUseCase::sequence).orElse(view.value().state().sequence() + 1);
        List<LedgerEntry> entries = start <= 0 ? List.of()
                : ledger.newestBefore(scope.brand(), number, start, HISTORY_PAGE + 1);
        List<LedgerEntry> page = entries.subList(0, Math.min(HISTORY_PAGE, entries.size()));
        Optional<String> older = entries.size() > HISTORY_PAGE
                ? Optional.of(Long.toString(page.get(page.size() - 1).sequence())) : Optional.empty();
        return Optional.of(new CardPage(view.value(), page, older, coupons.ofCard(scope.brand(), number)));
    }

    private static Optional<Long> sequence(String cursor) {
        return cursor.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(cursor)) : Optional.empty();
    }

    /** Transactions told by their request ref (what the merchant API answered the call with), in scope. */
    public List<BrandTransaction> byRequestRef(StaffScope scope, String requestRef) {
        return lookup(scope, requestRef, r -> activity.byRequestRef(scope.brand(), r, LOOKUP_LIMIT));
    }

    /** Transactions told by the till's external transaction id, in scope. */
    public List<BrandTransaction> byExternalTransactionId(StaffScope scope, String externalId) {
        return lookup(scope, externalId, x -> activity.byExternalTransactionId(scope.brand(), x, LOOKUP_LIMIT));
    }

    private List<BrandTransaction> lookup(StaffScope scope, String typed, Function<String, List<DomainEvent>> read) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty() || text.length() > 128 || !scope.can(Permission.READ_CARDS)) {
            return List.of();
        }
        return read.apply(text).stream().flatMap(e -> BrandTransaction.of(e).stream())
                .filter(t -> visible(scope, t)).toList();
    }

    /**
     * One page of the brand's transactions matching the filter, newest first. A manager's page holds only their
     * locations' transactions; asking for a location outside the scope is asking for one that does not exist.
     */
    public Outcome<TransactionsPage> transactions(StaffScope scope, TransactionFilter filter) {
        if (!filter.from().isBefore(filter.to())) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "The timeframe's start must be before its end.");
        }
        if (filter.from().plus(TransactionFilter.MAX_SPAN).isBefore(filter.to())) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "A timeframe spans at most 366 days.");
        }
        if (!TransactionFilter.TYPES.containsAll(filter.types())) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "Unknown transaction type.");
        }
        Optional<Position> after = Optional.empty();
        if (filter.cursor().isPresent()) {
            after = ActivityCursor.decode(filter.cursor().get(), cursors, scope);
            if (after.isEmpty()) {
                return Outcome.rejected(Reason.INVALID_REQUEST, "That page link is not valid any more: start again.");
            }
        }
        if (!scope.can(Permission.READ_CARDS) || !filter.location().map(scope::sees).orElse(true)) {
            return Outcome.accepted(TransactionsPage.empty());
        }
        return Outcome.accepted(page(scope, filter, after));
    }

    private TransactionsPage page(StaffScope scope, TransactionFilter filter, Optional<Position> after) {
        List<BrandTransaction> found = new ArrayList<>();
        int examined = 0;
        Optional<Position> position = after;
        while (found.size() < TRANSACTIONS_PAGE && examined < MAX_EXAMINED) {
            int limit = Math.min(ActivityLogPort.MAX_PAGE, MAX_EXAMINED - examined);
            ActivityLogPort.Slice slice = activity.between(scope.brand(), filter.from(), filter.to(), position, limit);
            int consumed = 0;
            for (DomainEvent e : slice.events()) {
                if (found.size() == TRANSACTIONS_PAGE) {
                    break;
                }
                consumed++;
                position = Optional.of(Position.of(e));
                BrandTransaction.of(e).filter(t -> filter.wants(t) && visible(scope, t)).ifPresent(found::add);
            }
            if (consumed < slice.events().size()) {
                examined += consumed;
                break;
            }
            if (slice.next().isEmpty()) {
                return new TransactionsPage(found, Optional.empty(), examined + consumed);
            }
            // The whole slice was examined (the log may have left events outside the timeframe out of it): go on
            // after its last examined event.
            examined += limit;
            position = slice.next();
        }
        return new TransactionsPage(found, position.map(p -> ActivityCursor.encode(p, cursors, scope)), examined);
    }

    private boolean visible(StaffScope scope, CardNumber card) {
        return scope.brandWide() || scope.seesAny(locations.locations(scope.brand(), card));
    }

    private static boolean visible(StaffScope scope, BrandTransaction t) {
        return scope.brandWide() || t.location().map(scope::sees).orElse(false);
    }
}
