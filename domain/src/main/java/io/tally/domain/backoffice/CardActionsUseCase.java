package io.tally.domain.backoffice;

import io.tally.domain.audit.AuditLogPort;
import io.tally.domain.card.Card;
import io.tally.domain.card.CardLocationsPort;
import io.tally.domain.card.CardNumber;
import io.tally.domain.card.CardPort;
import io.tally.domain.card.CardStatus;
import io.tally.domain.card.Customer;
import io.tally.domain.card.Pins;
import io.tally.domain.email.EmailKind;
import io.tally.domain.email.EmailMessage;
import io.tally.domain.email.EmailOutboxPort;
import io.tally.domain.ledger.AdjustUseCase;
import io.tally.domain.ledger.Balance;
import io.tally.domain.ledger.BalanceResult;
import io.tally.domain.ledger.CardLedgerPort;
import io.tally.domain.ledger.CardState;
import io.tally.domain.ledger.LedgerEntry;
import io.tally.domain.ledger.LedgerLimits;
import io.tally.domain.ledger.RequestInfo;
import io.tally.domain.ledger.TransactionId;
import io.tally.domain.ledger.UpdateAccountUseCase;
import io.tally.domain.ledger.VoidUseCase;
import io.tally.domain.member.LinkTokens;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.portal.PortalConfigPort;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.shared.Identifiers;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.Reason;
import io.tally.domain.shared.RetryPolicy;
import io.tally.domain.staff.Permission;
import io.tally.domain.staff.StaffScope;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.MerchantContext;
import io.tally.domain.tenant.TerminalId;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Customer service's card actions. Each takes the staff member's {@link StaffScope} and checks
 * it here: {@link Permission#ACT_ON_CARDS}, and for a location group manager a card used at one of their locations
 * ({@link CardLocationsPort}); anything else is answered CARD_NOT_FOUND, exactly like a card that does not exist. Each
 * needs a reason and a key (the form's, stable across its resubmissions), is one ledger entry or one conditional
 * card write, and is recorded in the audit log with the values before and after ({@link AuditedAction}: the record is
 * written first, as an intent, and settled after).
 */
public final class CardActionsUseCase {
    public static final String ADJUST = "card.adjust";
    public static final String VOID = "card.void";
    public static final String DEACTIVATE = "card.deactivate";
    public static final String REACTIVATE = "card.reactivate";
    public static final String RESET_PIN = "card.pin";
    public static final String EDIT_CUSTOMER = "card.customer";
    public static final String RESEND_WELCOME = "card.welcome";
    /** The longest action key: it names the audit record, the ledger request and the resent welcome's message id. */
    public static final int MAX_KEY = 48;

    /** The ports the actions read and write. */
    public record Ports(CardPort cards, CardLocationsPort locations, CardLedgerPort ledger, LoadProgramsPort programs,
                        AuditLogPort audit, EmailOutboxPort outbox, PortalConfigPort portals) {
    }

    /** The use cases whose rules an action goes through. */
    public record Rules(AdjustUseCase adjust, VoidUseCase voids, UpdateAccountUseCase account, LinkTokens links) {
    }

    /**
     * Who acts on which card, why, under which key (1-48 letters, digits, {@code .-_}; drawn when the form is shown, so a
     * resubmission repeats the same action; with the action's name it is the audit record's id).
     */
    public record Action(StaffScope scope, CardNumber card, String reason, String key) {
        public Action {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(card, "card");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(key, "key");
        }

        String target() {
            return "card:" + card.value();
        }

        /** The ledger's customRequestId for this action: its own namespace, apart from the merchants'. */
        String requestKey() {
            return "staff:" + key;
        }
    }

    /**
     * A customer edit: the customers merge field by field (absent keeps), named fields by name (empty deletes); an
     * owning location, when given, must be one of the brand's, and one of a location-scoped staff member's own (a
     * card's current owner may stay as it is).
     */
    public record CustomerEdit(Optional<Customer> primary, Optional<Customer> alternate, Map<String, String> demographics,
                               Map<String, String> customData, Optional<LocationId> owningLocation) {
        public CustomerEdit {
            Objects.requireNonNull(primary, "primary");
            Objects.requireNonNull(alternate, "alternate");
            Objects.requireNonNull(owningLocation, "owningLocation");
            demographics = Map.copyOf(demographics);
            customData = Map.copyOf(customData);
        }

        public CustomerEdit(Optional<Customer> primary, Optional<Customer> alternate, Map<String, String> demographics,
                            Map<String, String> customData) {
            this(primary, alternate, demographics, customData, Optional.empty());
        }
    }

    /** A new PIN, to be shown once to the staff member; never stored in clear, logged or audited. */
    public record NewPin(Card card, String pin) {
        @Override
        public String toString() {
            return "NewPin[" + card + "]";
        }
    }

    private final Ports ports;
    private final Rules rules;
    private final AuditedAction audited;
    private final RandomSource random;
    private final Clock clock;
    private final RetryPolicy retry;

    public CardActionsUseCase(Ports ports, Rules rules, RandomSource random, Clock clock, RetryPolicy retry) {
        this.ports = ports;
        this.rules = rules;
        this.audited = new AuditedAction(ports.audit(), clock);
        this.random = random;
        this.clock = clock;
        this.retry = retry;
    }

    /** The card, if this staff member may act on it (what the action pages show before the form); else empty. */
    public Optional<Card> actionable(StaffScope scope, CardNumber number) {
        Outcome<Card> card = reach(new Action(scope, number, "look", "look"));
        return card.isAccepted() ? Optional.of(card.value()) : Optional.empty();
    }

    /** The value types of the card's program: what an adjustment may correct. */
    public List<ValueType> valueTypes(Card card) {
        return ports.programs().catalogue(card.brand()).valueTypes().stream()
                .filter(v -> v.program().equals(card.program())).toList();
    }

    /** A signed correction of one balance (one ADJUST entry; see {@link AdjustUseCase}). */
    public Outcome<BalanceResult> adjust(Action a, ValueTypeKey key, long amount) {
        return reach(a).flatMap(card -> {
            Optional<ValueType> type = valueType(card, key);
            if (type.isEmpty()) {
                return Outcome.rejected(Reason.UNKNOWN_VALUE_TYPE, key + " is not a value type of the card's program");
            }
            Map<String, String> before = balances(a, type.get(), state(a));
            Map<String, String> intended = Map.of("adjustment." + key.asText(), signed(type.get(), amount));
            return audited.run(a, new AuditedAction.Intent(ADJUST, a.target(), before, intended, true),
                    () -> rules.adjust().adjust(new AdjustUseCase.AdjustCommand(a.scope().brand(), a.card(), key, amount,
                            a.reason(), a.requestKey(), a.key())),
                    r -> entryValues(r, type.get()));
        });
    }

    /** Voids a transaction of this card (an issuance, redemption or checkout; see {@link VoidUseCase}). */
    public Outcome<BalanceResult> voidTransaction(Action a, TransactionId transaction) {
        return reach(a).flatMap(card -> audited.run(a,
                new AuditedAction.Intent(VOID, a.target(), Map.of("transactionId", transaction.value()), Map.of(), true),
                () -> rules.voids().voidByStaff(a.scope().brand(), a.card(), transaction, a.reason(), a.requestKey(), a.key()),
                r -> Map.of("transactionId", r.transactionId().value(), "voided", transaction.value())));
    }

    /** Switches the card off: every money movement is then refused (CARD_NOT_ACTIVE); time still acts on it. */
    public Outcome<Card> deactivate(Action a) {
        return status(a, DEACTIVATE, CardStatus.ACTIVE, CardStatus.INACTIVE);
    }

    /** Switches an inactive card back on. */
    public Outcome<Card> reactivate(Action a) {
        return status(a, REACTIVATE, CardStatus.INACTIVE, CardStatus.ACTIVE);
    }

    /** A new random PIN (one conditional card write); shown once, stored only as its hash, never audited. */
    public Outcome<NewPin> resetPin(Action a) {
        return reach(a).flatMap(card -> audited.run(a,
                new AuditedAction.Intent(RESET_PIN, a.target(), Map.of("pin", card.pinHash().isPresent() ? "set" : "none"),
                        Map.of("pin", "new"), false),
                () -> {
                    String pin = Pins.generate(random, Pins.DEFAULT_DIGITS);
                    String hash = Pins.hash(pin, random);
                    return write(a, c -> Outcome.accepted(c.withPinHash(hash))).map(c -> new NewPin(c, pin));
                },
                p -> Map.of("pin", "new")));
    }

    /** Edits the customers and named fields through {@link UpdateAccountUseCase}, so its validation applies. */
    public Outcome<Card> editCustomer(Action a, CustomerEdit edit) {
        return reach(a).flatMap(card -> {
            Optional<LocationId> owner = edit.owningLocation().filter(l -> !card.owningLocation().equals(Optional.of(l)));
            if (owner.isPresent() && !a.scope().sees(owner.get())) {
                return Outcome.rejected(Reason.INVALID_REQUEST, "owningLocation: " + owner.get()
                        + " is not one of your locations.");
            }
            Map<String, String> before = CardValues.of(card);
            return audited.run(a, new AuditedAction.Intent(EDIT_CUSTOMER, a.target(), before, Map.of(), false),
                    () -> rules.account().update(new UpdateAccountUseCase.UpdateAccountCommand(backOffice(a),
                            RequestInfo.of(a.key()), a.card(), edit.primary(), edit.alternate(), edit.demographics(),
                            edit.customData(), Map.of(), Optional.empty(), false, Optional.empty(), edit.owningLocation())),
                    c -> CardValues.changed(before, CardValues.of(c)));
        });
    }

    /**
     * Queues the welcome e-mail again, under a new message id (the key's: a resubmission queues it once; the
     * enrollment's own welcome id was sent already and would be dropped by the sender).
     */
    public Outcome<String> resendWelcome(Action a, String portalUrl) {
        return reach(a).flatMap(card -> {
            Optional<String> email = card.primaryCustomer().map(Customer::email).filter(e -> !e.isBlank());
            Optional<PortalConfig> config = ports.portals().load(a.scope().brand());
            String id = "welcome-" + a.key();
            return audited.run(a, new AuditedAction.Intent(RESEND_WELCOME, a.target(),
                            Map.of("email", email.orElse("")), Map.of("messageId", id), true),
                    () -> {
                        if (email.isEmpty() || config.isEmpty()) {
                            return Outcome.rejected(Reason.INVALID_REQUEST, "the card has no customer e-mail, or the brand no portal");
                        }
                        ports.outbox().enqueue(welcome(config.get(), card, email.get(), id, portalUrl));
                        return Outcome.accepted(id);
                    },
                    m -> Map.of("messageId", m));
        });
    }

    private Outcome<Card> status(Action a, String action, CardStatus from, CardStatus to) {
        return reach(a).flatMap(card -> audited.run(a,
                new AuditedAction.Intent(action, a.target(), Map.of("status", card.status().name()), Map.of("status", to.name()), true),
                () -> write(a, c -> {
                    if (c.status() == to) {
                        return Outcome.accepted(c); // already so (a resubmission): nothing to write
                    }
                    if (c.status() != from) {
                        return Outcome.rejected(Reason.CARD_NOT_ACTIVE, "the card is " + c.status());
                    }
                    return Outcome.accepted(c.withStatus(to));
                }),
                c -> Map.of("status", c.status().name())));
    }

    /** One conditional card write (on the version read), re-read and re-decided when another writer came first. */
    private Outcome<Card> write(Action a, Function<Card, Outcome<Card>> change) {
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            Optional<Card> current = ports.cards().load(a.scope().brand(), a.card());
            if (current.isEmpty()) {
                return notFound();
            }
            Outcome<Card> changed = change.apply(current.get());
            if (!changed.isAccepted() || changed.value() == current.get()) {
                return changed;
            }
            CardPort.WriteOutcome written = ports.cards().update(changed.value());
            if (written == CardPort.WriteOutcome.WRITTEN) {
                return changed;
            }
            if (written == CardPort.WriteOutcome.NOT_FOUND) {
                return notFound();
            }
            if (attempt < retry.maxAttempts()) {
                retry.backoff().pause(attempt);
            }
        }
        return Outcome.rejected(Reason.CONTENDED, "the card is busy; retry");
    }

    /** The card, if this staff member may act on it; otherwise the answer for a card that does not exist. */
    private Outcome<Card> reach(Action a) {
        if (a.reason().isBlank() || a.reason().length() > LedgerLimits.MAX_NOTE || !Identifiers.isValid(a.key())
                || a.key().length() > MAX_KEY) {
            return Outcome.rejected(Reason.INVALID_REQUEST, "a reason (at most " + LedgerLimits.MAX_NOTE + " characters) is required");
        }
        if (!a.scope().can(Permission.ACT_ON_CARDS)) {
            return notFound();
        }
        Optional<Card> card = ports.cards().load(a.scope().brand(), a.card());
        if (card.isEmpty() || card.get().status() == CardStatus.UNALLOCATED) {
            return notFound();
        }
        if (!a.scope().brandWide() && !a.scope().seesAny(ports.locations().locations(a.scope().brand(), a.card()))) {
            return notFound();
        }
        return Outcome.accepted(card.get());
    }

    private Optional<ValueType> valueType(Card card, ValueTypeKey key) {
        return ports.programs().catalogue(card.brand()).valueTypes().stream()
                .filter(v -> v.program().equals(card.program()) && v.key().equals(key)).findFirst();
    }

    private CardState state(Action a) {
        return ports.ledger().head(a.scope().brand(), a.card()).map(LedgerEntry::stateAfter).orElse(CardState.EMPTY);
    }

    private Map<String, String> balances(Action a, ValueType type, CardState state) {
        Balance b = state.balance(type.key());
        Map<String, String> v = new LinkedHashMap<>();
        v.put("balance." + type.key().asText(), type.format(b.total()));
        v.put("available." + type.key().asText(), type.format(b.spendable(clock.instant())));
        return v;
    }

    private Map<String, String> entryValues(BalanceResult r, ValueType type) {
        Balance b = r.state().balance(type.key());
        Map<String, String> v = new LinkedHashMap<>();
        v.put("transactionId", r.transactionId().value());
        v.put("balance." + type.key().asText(), type.format(b.total()));
        v.put("available." + type.key().asText(), type.format(b.spendable(r.at())));
        return v;
    }

    private static String signed(ValueType type, long amount) {
        return (amount > 0 ? "+" : "-") + type.format(Math.abs(amount));
    }

    private EmailMessage welcome(PortalConfig config, Card card, String email, String id, String portalUrl) {
        String firstName = card.primaryCustomer().map(Customer::firstName).orElse(null);
        return new EmailMessage(id, config.brand(), EmailKind.WELCOME, email, config.transactionalList().id(), Map.of(
                "firstName", firstName == null ? "" : firstName,
                "cardLastFour", card.number().lastFour(),
                "portalUrl", portalUrl,
                "preferencesUrl", portalUrl + "/preferences?t=" + rules.links().preferences(config.brand(), email, clock.instant())));
    }

    /**
     * The merchant context {@link UpdateAccountUseCase} asks for. It names the brand; no entry is stamped with the rest,
     * since the back office never enrolls through it (countAsEnrollment false).
     */
    private static MerchantContext backOffice(Action a) {
        return new MerchantContext(a.scope().brand(), new LocationId("back-office"), new TerminalId("back-office"),
                Optional.empty(), "back-office");
    }

    private static <T> Outcome<T> notFound() {
        return Outcome.rejected(Reason.CARD_NOT_FOUND, "Could not find the specified card.");
    }
}
