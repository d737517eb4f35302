package io.tally.domain.provisioning;

import io.tally.domain.campaign.Campaign;
import io.tally.domain.campaign.CampaignId;
import io.tally.domain.campaign.CheckoutConfig;
import io.tally.domain.campaign.CheckoutConfigStore;
import io.tally.domain.card.Card;
import io.tally.domain.coupon.Coupon;
import io.tally.domain.coupon.CouponPort;
import io.tally.domain.card.CardNumberGenerator;
import io.tally.domain.card.CardPort;
import io.tally.domain.event.DomainEvent;
import io.tally.domain.event.PublishEventPort;
import io.tally.domain.engagement.EventDefinition;
import io.tally.domain.engagement.EventDefinitionsPort;
import io.tally.domain.engagement.score.ScoreSettings;
import io.tally.domain.engagement.score.ScoreSettingsPort;
import io.tally.domain.program.BalanceType;
import io.tally.domain.program.CardSet;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.Program;
import io.tally.domain.program.ProgramId;
import io.tally.domain.program.ProgramKind;
import io.tally.domain.program.ValueType;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.program.ValueTypeLimits;
import static io.tally.domain.provisioning.SeedProblems.require;

import io.tally.domain.provisioning.Seed.ApiKeySeed;
import io.tally.domain.provisioning.Seed.BrandSeed;
import io.tally.domain.provisioning.Seed.CardSetSeed;
import io.tally.domain.provisioning.Seed.ProgramSeed;
import io.tally.domain.provisioning.Seed.ValueTypeSeed;
import io.tally.domain.shared.DecimalAmounts;
import io.tally.domain.shared.GeoPoint;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.SecretHasher;
import io.tally.domain.tenant.ApiKey;
import io.tally.domain.tenant.ApiSecrets;
import io.tally.domain.tenant.Brand;
import io.tally.domain.tenant.BrandId;
import io.tally.domain.tenant.Employee;
import io.tally.domain.tenant.EmployeeId;
import io.tally.domain.tenant.Location;
import io.tally.domain.tenant.LocationGroup;
import io.tally.domain.tenant.LocationGroupId;
import io.tally.domain.tenant.LocationId;
import io.tally.domain.tenant.Terminal;
import io.tally.domain.tenant.TerminalId;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies a {@link Seed}: validates all of it first (a bad seed writes nothing), then upserts every
 * item, creates missing API keys (generating secrets unless the seed may state them) and generates
 * the missing cards of each card set (through {@link CardPort}, so seeded cards are ordinary pool cards). Applying the same seed again changes nothing.
 * Publishes one {@code brand.provisioned} event per brand that changed.
 */
public final class ApplySeedUseCase {
    /** The most cards one seed run may generate for one card set; bulk loads have their own path. */
    public static final int MAX_CARDS_PER_SET = 100_000;
    private static final int MAX_NUMBER_DRAWS = 20;

    private final ProvisioningPort store;
    private final CardPort cards;
    private final PublishEventPort events;
    private final RandomSource random;
    private final Clock clock;
    private final CardNumberGenerator numbers;
    private final io.tally.domain.portal.PortalConfigPort portals;
    private final CheckoutConfigStore checkouts;
    private final CouponPort coupons;
    private final EventDefinitionsPort eventDefinitions;
    private final ScoreSettingsPort scoreSettings;

    public ApplySeedUseCase(ProvisioningPort store, CardPort cards, PublishEventPort events, RandomSource random,
                            Clock clock) {
        this(store, cards, events, random, clock, null);
    }

    /** With a place to store member portal configurations (seeds with a {@code portal} section). */
    public ApplySeedUseCase(ProvisioningPort store, CardPort cards, PublishEventPort events, RandomSource random,
                            Clock clock, io.tally.domain.portal.PortalConfigPort portals) {
        this(store, cards, events, random, clock, portals, null, null);
    }

    /**
     * With places to store checkout configurations and coupons (seeds with a {@code checkout} section; either may be
     * null where the runtime has none, and a seed that needs it is then refused).
     */
    public ApplySeedUseCase(ProvisioningPort store, CardPort cards, PublishEventPort events, RandomSource random,
                            Clock clock, io.tally.domain.portal.PortalConfigPort portals, CheckoutConfigStore checkouts,
                            CouponPort coupons) {
        this(store, cards, events, random, clock, portals, checkouts, coupons, null);
    }

    /** With a place to store event definitions too (seeds with {@code events}; null where the runtime has none). */
    public ApplySeedUseCase(ProvisioningPort store, CardPort cards, PublishEventPort events, RandomSource random,
                            Clock clock, io.tally.domain.portal.PortalConfigPort portals, CheckoutConfigStore checkouts,
                            CouponPort coupons, EventDefinitionsPort eventDefinitions) {
        this(store, cards, events, random, clock, portals, checkouts, coupons, eventDefinitions, null);
    }

    /** With a place to store score settings too (seeds with {@code scores}; null where the runtime has none). */
    public ApplySeedUseCase(ProvisioningPort store, CardPort cards, PublishEventPort events, RandomSource random,
                            Clock clock, io.tally.domain.portal.PortalConfigPort portals, CheckoutConfigStore checkouts,
                            CouponPort coupons, EventDefinitionsPort eventDefinitions, ScoreSettingsPort scoreSettings) {
        this.scoreSettings = scoreSettings;
        this.eventDefinitions = eventDefinitions;
        this.portals = portals;
        this.checkouts = checkouts;
        this.coupons = coupons;
        this.store = store;
        this.cards = cards;
        this.events = events;
        this.random = random;
        this.clock = clock;
        this.numbers = new CardNumberGenerator(random);
    }

    /**
     * @param allowStatedSecrets true only for local runs: lets the seed fix API secrets so that demo
     *                           credentials are stable; elsewhere a stated secret is an error
     */
    public SeedReport apply(Seed seed, boolean allowStatedSecrets) {
        List<String> problems = new ArrayList<>();
        List<BrandPlan> plans = collect(problems, () -> new SeedValidator(allowStatedSecrets).validate(seed));
        var portalConfigs = collect(problems, () -> PortalSeeds.configs(seed, portals != null));
        var checkoutPlans = CheckoutSeeds.plans(seed, checkouts != null, coupons != null, problems);
        List<EventDefinition> definitions = EventSeeds.definitions(seed, eventDefinitions != null, problems);
        List<ScoreSettings> scores = ScoreSeeds.settings(seed, scoreSettings != null, problems);
        if (problems.isEmpty() && checkouts != null) {
            for (var c : checkoutPlans) {
                CheckoutConfig stored = checkouts.load(c.brand());
                CheckoutConfig.tooMany(withStored(stored, c.campaigns()), stored.campaigns())
                        .ifPresent(p -> problems.add("brand " + c.brand() + ", with its stored campaigns: " + p));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSeedException(problems);
        }
        Tally tally = new Tally();
        for (BrandPlan plan : plans) {
            int before = tally.changed + tally.cards + tally.newKeys.size();
            applyBrand(plan, tally);
            var portal = portalConfigs.get(plan.brand().id());
            if (portal != null) {
                tally.count(portals.save(portal));
            }
            checkoutPlans.stream().filter(c -> c.brand().equals(plan.brand().id())).forEach(c -> applyCheckout(c, tally));
            definitions.stream().filter(d -> d.brand().equals(plan.brand().id()))
                    .forEach(d -> tally.count(eventDefinitions.save(d)));
            scores.stream().filter(s -> s.brand().equals(plan.brand().id())).forEach(s -> tally.count(saveScores(s)));
            if (tally.changed + tally.cards + tally.newKeys.size() > before) {
                events.publish(List.of(provisioned(plan.brand().id(), tally)));
            }
        }
        return new SeedReport(tally.changed, tally.unchanged, tally.cards, tally.newKeys, tally.existingKeys);
    }

    /**
     * Upserts campaigns from the operator's file (the seed's campaign format), validated first against the brand's
     * stored coupon sets and SKU tags: a bad file writes nothing. Campaigns not in the file are left as they are.
     */
    public SeedReport putCampaigns(BrandId brand, List<Seed.CampaignSeed> seeds) {
        if (checkouts == null) {
            throw new IllegalStateException("this runtime cannot store checkout configurations");
        }
        CheckoutConfig stored = checkouts.load(brand);
        var known = new CampaignSeeds.Known(
                Optional.of(stored.couponSets().stream().map(s -> s.id().value()).collect(Collectors.toSet())),
                Optional.of(stored.skuTags().keySet()), Optional.empty());
        List<Campaign> campaigns = CampaignSeeds.campaigns(brand, seeds, known);
        Optional<String> tooMany = CheckoutConfig.tooMany(withStored(stored, campaigns), stored.campaigns());
        if (tooMany.isPresent()) {
            throw new InvalidSeedException(List.of("brand " + brand + ": " + tooMany.get()));
        }
        Tally tally = new Tally();
        campaigns.forEach(c -> tally.count(checkouts.saveCampaign(c)));
        return new SeedReport(tally.changed, tally.unchanged, 0, List.of(), List.of());
    }

    /** The campaigns a brand has once {@code saved} are upserted over its {@code stored} configuration. */
    private static List<Campaign> withStored(CheckoutConfig stored, List<Campaign> saved) {
        Set<CampaignId> ids = saved.stream().map(Campaign::id).collect(Collectors.toSet());
        List<Campaign> all = new ArrayList<>(saved);
        stored.campaigns().stream().filter(c -> !ids.contains(c.id())).forEach(all::add);
        return all;
    }

    /** The seed's score settings as the next version, unless the stored ones say the same (A100). */
    private boolean saveScores(ScoreSettings seeded) {
        ScoreSettings stored = scoreSettings.settings(seeded.brand());
        if (stored.version() > 0 && stored.ranges().equals(seeded.ranges())
                && stored.spendReference() == seeded.spendReference()) {
            return false;
        }
        if (!scoreSettings.save(stored.changed(seeded.ranges(), seeded.spendReference()))) {
            throw new IllegalStateException("brand " + seeded.brand() + ": the score settings changed while seeding; "
                    + "apply the seed again");
        }
        return true;
    }

    private void applyCheckout(CheckoutSeeds.CheckoutPlan plan, Tally tally) {
        tally.count(checkouts.saveSettings(plan.brand(), plan.currency(), plan.zone()));
        plan.couponSets().forEach(s -> tally.count(checkouts.saveCouponSet(s)));
        for (int from = 0; from < plan.coupons().size(); from += CouponPort.MAX_BATCH) {
            List<Coupon> batch = plan.coupons().subList(from, Math.min(plan.coupons().size(), from + CouponPort.MAX_BATCH));
            int taken = coupons.createAll(batch).size();
            tally.changed += batch.size() - taken;
            tally.unchanged += taken;
        }
        plan.skuTags().forEach((tag, skus) -> tally.count(checkouts.saveSkuTag(plan.brand(), tag, skus)));
        plan.campaigns().forEach(c -> tally.count(checkouts.saveCampaign(c)));
    }

    private static <T> T collect(List<String> problems, java.util.function.Supplier<T> validate) {
        try {
            return validate.get();
        } catch (InvalidSeedException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private void applyBrand(BrandPlan plan, Tally tally) {
        tally.count(store.saveBrand(plan.brand()));
        plan.groups().forEach(g -> tally.count(store.saveLocationGroup(g)));
        plan.locations().forEach(l -> tally.count(store.saveLocation(l)));
        plan.terminals().forEach(t -> tally.count(store.saveTerminal(t)));
        plan.employees().forEach(e -> saveEmployee(e, tally));
        plan.programs().forEach(p -> tally.count(store.saveProgram(p)));
        plan.valueTypes().forEach(v -> tally.count(store.saveValueType(v)));
        for (CardSetPlan set : plan.cardSets()) {
            tally.count(store.saveCardSet(set.cardSet()));
            tally.cards += generateCards(set);
        }
        plan.apiKeys().forEach(k -> createKey(plan.brand().id(), k, tally));
    }

    private void saveEmployee(EmployeePlan e, Tally tally) {
        var existing = store.employee(e.brand(), e.location(), e.id());
        if (existing.isPresent() && SecretHasher.matches(e.password(), existing.get().passwordHash())
                && existing.get().name().equals(e.nameOrId())) {
            tally.unchanged++;
            return;
        }
        tally.count(store.saveEmployee(new Employee(e.brand(), e.location(), e.id(), e.name(),
                SecretHasher.hashPin(e.password(), salt()))));
    }

    /** Tops the card set up to its declared size with UNALLOCATED cards, created the way every card is (CardPort). */
    private int generateCards(CardSetPlan plan) {
        CardSet set = plan.cardSet();
        long missing = plan.cards() - cards.countInCardSet(set.brand(), set.id());
        int generated = 0;
        for (long i = 0; i < missing; i++) {
            int draws = 0;
            while (cards.create(Card.unallocated(set.brand(), numbers.next(set), set.program(), set.id()))
                    != CardPort.WriteOutcome.WRITTEN) {
                if (++draws >= MAX_NUMBER_DRAWS) {
                    throw new IllegalStateException("card set " + set.id()
                            + ": " + MAX_NUMBER_DRAWS + " card numbers in a row were taken; the number space is too small");
                }
            }
            generated++;
        }
        return generated;
    }

    private void createKey(BrandId brand, ApiKeySeed k, Tally tally) {
        var existing = store.apiKey(k.id());
        if (existing.isPresent()) {
            if (!existing.get().brand().equals(brand)) {
                throw new IllegalStateException("API key id " + k.id() + " already belongs to another brand");
            }
            tally.existingKeys.add(k.id());
            tally.unchanged++;
            return;
        }
        String secret = k.secret() != null ? k.secret() : ApiSecrets.newSecret(random);
        ApiKey key = new ApiKey(k.id(), brand, k.label(), ApiSecrets.hash(secret, random), clock.instant(), null);
        if (store.createApiKey(key)) {
            tally.newKeys.add(new SeedReport.NewApiKey(brand.value(), k.id(), secret));
        } else {
            tally.existingKeys.add(k.id());
            tally.unchanged++;
        }
    }

    private byte[] salt() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return b;
    }

    private DomainEvent provisioned(BrandId brand, Tally tally) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return new DomainEvent(HexFormat.of().formatHex(id), "brand.provisioned", brand, clock.instant(),
                Map.of("itemsChanged", Integer.toString(tally.changed), "cardsGenerated", Integer.toString(tally.cards)));
    }

    private static final class Tally {
        int changed;
        int unchanged;
        int cards;
        final List<SeedReport.NewApiKey> newKeys = new ArrayList<>();
        final List<String> existingKeys = new ArrayList<>();

        void count(boolean didChange) {
            if (didChange) {
                changed++;
            } else {
                unchanged++;
            }
        }
    }

    record BrandPlan(Brand brand, List<LocationGroup> groups, List<Location> locations, List<Terminal> terminals,
                     List<EmployeePlan> employees, List<Program> programs, List<ValueType> valueTypes,
                     List<CardSetPlan> cardSets, List<ApiKeySeed> apiKeys) {
    }

    record EmployeePlan(BrandId brand, LocationId location, EmployeeId id, String name, String password) {
        String nameOrId() {
            return name == null || name.isBlank() ? id.value() : name;
        }
    }

    record CardSetPlan(CardSet cardSet, int cards) {
    }

    /** Turns seed records into domain objects, collecting every problem instead of stopping at the first. */
    static final class SeedValidator {
        private final boolean allowStatedSecrets;
        private final List<String> problems = new ArrayList<>();
        private final SeedProblems checks = new SeedProblems(problems);

        SeedValidator(boolean allowStatedSecrets) {
            this.allowStatedSecrets = allowStatedSecrets;
        }

        List<BrandPlan> validate(Seed seed) {
            List<BrandPlan> plans = new ArrayList<>();
            if (seed.brands().isEmpty()) {
                problems.add("the seed has no brands");
            }
            for (BrandSeed b : seed.brands()) {
                BrandPlan plan = checks.attempt("brand " + b.id(), () -> plan(b));
                if (plan != null) {
                    plans.add(plan);
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidSeedException(problems);
            }
            return plans;
        }

        private BrandPlan plan(BrandSeed b) {
            BrandId brandId = new BrandId(b.id());
            String where = "brand " + b.id();
            Optional<GeoPoint> defaults = Optional.ofNullable(checks.attempt(where + ", defaultCoordinates",
                    () -> coordinates(b.defaultCoordinates()))).flatMap(p -> p);
            Brand brand = new Brand(brandId, b.name(), Boolean.TRUE.equals(b.requireEmployee()), defaults);
            List<LocationGroup> groups = new ArrayList<>();
            b.locationGroups().forEach(g -> checks.add(groups, where, () -> new LocationGroup(brandId, new LocationGroupId(g.id()), g.name())));
            if (groups.isEmpty()) {
                groups.add(new LocationGroup(brandId, new LocationGroupId("ALL"), "All locations"));
            }
            List<Location> locations = new ArrayList<>();
            b.locations().forEach(l -> checks.add(locations, where + ", location " + l.id(), () -> {
                LocationGroupId group = l.group() != null ? new LocationGroupId(l.group()) : onlyGroup(groups);
                require(groups.stream().anyMatch(g -> g.id().equals(group)), "unknown location group " + group);
                return new Location(brandId, new LocationId(l.id()), group, l.name(), coordinates(l.coordinates()));
            }));
            List<Terminal> terminals = new ArrayList<>();
            b.terminals().forEach(t -> checks.add(terminals, where + ", terminal " + t.id(), () -> {
                LocationId loc = new LocationId(t.location());
                require(locations.stream().anyMatch(l -> l.id().equals(loc)), "unknown location " + loc);
                return new Terminal(brandId, loc, new TerminalId(t.id()), t.name());
            }));
            List<EmployeePlan> employees = new ArrayList<>();
            b.employees().forEach(e -> checks.add(employees, where + ", employee " + e.id(), () -> {
                LocationId loc = new LocationId(e.location());
                require(locations.stream().anyMatch(l -> l.id().equals(loc)), "unknown location " + loc);
                require(e.password() != null && e.password().length() >= 4 && e.password().length() <= 64,
                        "an employee password (PIN) of 4-64 characters is required");
                return new EmployeePlan(brandId, loc, new EmployeeId(e.id()), e.name(), e.password());
            }));
            List<Program> programs = new ArrayList<>();
            List<ValueType> valueTypes = new ArrayList<>();
            List<CardSetPlan> cardSets = new ArrayList<>();
            for (ProgramSeed p : b.programs()) {
                String pwhere = where + ", program " + p.id();
                Program program = checks.attempt(pwhere, () -> new Program(brandId, new ProgramId(p.id()), p.name(), kind(p.kind())));
                if (program == null) {
                    continue;
                }
                programs.add(program);
                p.valueTypes().forEach(v -> checks.add(valueTypes, pwhere + ", value type " + v.balanceType(), () -> valueType(program, v)));
                p.cardSets().forEach(c -> checks.add(cardSets, pwhere + ", card set " + c.id(), () -> cardSet(program, c)));
            }
            b.apiKeys().forEach(k -> checks.attempt(where + ", API key " + k.id(), () -> {
                require(k.id() != null && io.tally.domain.shared.Identifiers.isValid(k.id()), "an API key id is required");
                require(k.secret() == null || allowStatedSecrets,
                        "secrets may only be stated in local-only seeds; remove \"secret\" and one is generated");
                require(k.secret() == null || k.secret().length() >= 16, "a stated secret needs at least 16 characters");
                return k;
            }));
            checks.requireUnique(where, "location id", locations.stream().map(l -> l.id().value()).toList());
            checks.requireUnique(where, "program id", programs.stream().map(p -> p.id().value()).toList());
            checks.requireUnique(where, "card set id", cardSets.stream().map(c -> c.cardSet().id().value()).toList());
            return new BrandPlan(brand, groups, locations, terminals, employees, programs, valueTypes, cardSets, b.apiKeys());
        }

        private ValueType valueType(Program program, ValueTypeSeed v) {
            BalanceType type = BalanceType.fromWire(v.balanceType())
                    .orElseThrow(() -> new IllegalArgumentException("unknown balanceType " + v.balanceType()
                            + " (Currency, Points, Punches or Custom)"));
            ValueTypeKey key = new ValueTypeKey(type, v.balanceCode());
            int scale = v.scale() != null ? v.scale() : key.defaultScale();
            ValueTypeLimits limits = new ValueTypeLimits(limit(v.maxBalance(), scale), limit(v.minIssue(), scale),
                    limit(v.maxIssue(), scale), limit(v.minRedeem(), scale), limit(v.maxRedeem(), scale));
            return new ValueType(program.brand(), program.id(), key, scale, limits);
        }

        private static CardSetPlan cardSet(Program program, CardSetSeed c) {
            int cards = c.cards() == null ? 0 : c.cards();
            require(cards >= 0 && cards <= MAX_CARDS_PER_SET, "cards must be 0-" + MAX_CARDS_PER_SET);
            int length = c.cardNumberLength() == null ? 16 : c.cardNumberLength();
            return new CardSetPlan(new CardSet(program.brand(), new CardSetId(c.id()), program.id(), c.name(),
                    c.cardNumberPrefix(), length), cards);
        }

        private static long limit(String text, int scale) {
            if (text == null) {
                return 0;
            }
            return DecimalAmounts.toMinor(text, scale).orElseThrow(() -> new IllegalArgumentException(
                    "limit " + text + " is not a non-negative amount with at most " + scale + " decimals"));
        }

        private static ProgramKind kind(String kind) {
            if (kind == null) {
                throw new IllegalArgumentException("a program kind (gift, loyalty or reward) is required");
            }
            try {
                return ProgramKind.valueOf(kind.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown program kind " + kind + " (gift, loyalty or reward)");
            }
        }

        /** Absent coordinates are none; given ones are checked as the back office checks them. */
        private static Optional<GeoPoint> coordinates(Seed.GeoSeed g) {
            if (g == null) {
                return Optional.empty();
            }
            Outcome<Optional<GeoPoint>> parsed = GeoPoint.parse("coordinates", plain(g.latitude()), plain(g.longitude()));
            if (parsed instanceof Outcome.Rejected<Optional<GeoPoint>> r) {
                throw new IllegalArgumentException(r.rejection().detail());
            }
            return parsed.value();
        }

        private static String plain(BigDecimal d) {
            return d == null ? null : d.toPlainString();
        }

        private static LocationGroupId onlyGroup(List<LocationGroup> groups) {
            require(groups.size() == 1, "the brand has several location groups: name the location's group");
            return groups.get(0).id();
        }




    }
}
