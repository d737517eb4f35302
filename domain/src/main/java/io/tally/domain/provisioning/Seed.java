package io.tally.domain.provisioning;

import java.math.BigDecimal;
import java.util.List;

/**
 * A declarative description of brands and everything under them, applied by {@link ApplySeedUseCase}.
 * Ids are caller-chosen. Amounts are decimal text in the value type's unit ({@code "500.00"}).
 */
public record Seed(List<BrandSeed> brands) {
    public Seed {
        brands = List.copyOf(brands);
    }

    public record BrandSeed(String id, String name, Boolean requireEmployee, List<LocationGroupSeed> locationGroups,
                            List<LocationSeed> locations, List<TerminalSeed> terminals, List<EmployeeSeed> employees,
                            List<ProgramSeed> programs, List<ApiKeySeed> apiKeys, PortalSeed portal,
                            CheckoutSeed checkout, List<EventSeed> events, GeoSeed defaultCoordinates,
                            ScoreSeed scores) {
        public BrandSeed(String id, String name, Boolean requireEmployee, List<LocationGroupSeed> locationGroups,
                         List<LocationSeed> locations, List<TerminalSeed> terminals, List<EmployeeSeed> employees,
                         List<ProgramSeed> programs, List<ApiKeySeed> apiKeys, PortalSeed portal, CheckoutSeed checkout,
                         List<EventSeed> events, GeoSeed defaultCoordinates) {
            this(id, name, requireEmployee, locationGroups, locations, terminals, employees, programs, apiKeys, portal,
                    checkout, events, defaultCoordinates, null);
        }

        public BrandSeed(String id, String name, Boolean requireEmployee, List<LocationGroupSeed> locationGroups,
                         List<LocationSeed> locations, List<TerminalSeed> terminals, List<EmployeeSeed> employees,
                         List<ProgramSeed> programs, List<ApiKeySeed> apiKeys, PortalSeed portal, CheckoutSeed checkout,
                         List<EventSeed> events, ScoreSeed scores) {
            this(id, name, requireEmployee, locationGroups, locations, terminals, employees, programs, apiKeys, portal,
                    checkout, events, null, scores);
        }

        public BrandSeed(String id, String name, Boolean requireEmployee, List<LocationGroupSeed> locationGroups,
                         List<LocationSeed> locations, List<TerminalSeed> terminals, List<EmployeeSeed> employees,
                         List<ProgramSeed> programs, List<ApiKeySeed> apiKeys, PortalSeed portal, CheckoutSeed checkout,
                         List<EventSeed> events) {
            this(id, name, requireEmployee, locationGroups, locations, terminals, employees, programs, apiKeys, portal,
                    checkout, events, null, null);
        }

        public BrandSeed(String id, String name, Boolean requireEmployee, List<LocationGroupSeed> locationGroups,
                         List<LocationSeed> locations, List<TerminalSeed> terminals, List<EmployeeSeed> employees,
                         List<ProgramSeed> programs, List<ApiKeySeed> apiKeys, PortalSeed portal, CheckoutSeed checkout) {
            this(id, name, requireEmployee, locationGroups, locations, terminals, employees, programs, apiKeys, portal,
                    checkout, null);
        }

        public BrandSeed(String id, String name, Boolean requireEmployee, List<LocationGroupSeed> locationGroups,
                         List<LocationSeed> locations, List<TerminalSeed> terminals, List<EmployeeSeed> employees,
                         List<ProgramSeed> programs, List<ApiKeySeed> apiKeys) {
            this(id, name, requireEmployee, locationGroups, locations, terminals, employees, programs, apiKeys, null, null);
        }

        public BrandSeed(String id, String name, Boolean requireEmployee, List<LocationGroupSeed> locationGroups,
                         List<LocationSeed> locations, List<TerminalSeed> terminals, List<EmployeeSeed> employees,
                         List<ProgramSeed> programs, List<ApiKeySeed> apiKeys, PortalSeed portal) {
            this(id, name, requireEmployee, locationGroups, locations, terminals, employees, programs, apiKeys, portal, null);
        }

        public BrandSeed {
            locationGroups = orEmpty(locationGroups);
            locations = orEmpty(locations);
            terminals = orEmpty(terminals);
            employees = orEmpty(employees);
            programs = orEmpty(programs);
            apiKeys = orEmpty(apiKeys);
            events = orEmpty(events);
        }
    }

    /**
     * The brand's customer score settings: {@code ranges} named and contiguous from 1 through 100 (absent: the default
     * quarters), {@code spendReference} a decimal in the checkout currency (absent: 500). Applied when they differ from
     * the stored ones (a new version).
     */
    public record ScoreSeed(List<ScoreRangeSeed> ranges, String spendReference) {
        public ScoreSeed {
            ranges = orEmpty(ranges);
        }
    }

    public record ScoreRangeSeed(Integer from, Integer to, String name) {
    }

    /**
     * An event definition (the glossary's "Events"): {@code type} is ecom, email, sms, directMail, inStore, feedback,
     * social, milestone or other; {@code display} lists profilePage, segmentBuilder, campaignManager; {@code sentiment}
     * positive, neutral (the default) or negative.
     */
    public record EventSeed(String category, String type, String name, String description, List<String> display,
                            String sentiment) {
        public EventSeed {
            display = orEmpty(display);
        }
    }

    public record LocationGroupSeed(String id, String name) {
    }

    /**
     * A location; {@code group} may be omitted when the brand has one group; {@code coordinates} (optional) for
     * segments' owning-location proximity.
     */
    public record LocationSeed(String id, String group, String name, GeoSeed coordinates) {
        public LocationSeed(String id, String group, String name) {
            this(id, group, name, null);
        }
    }

    /** Coordinates in decimal degrees (WGS 84), {@code {"latitude": 40.7128, "longitude": -74.006}}: both or neither. */
    public record GeoSeed(BigDecimal latitude, BigDecimal longitude) {
    }

    public record TerminalSeed(String location, String id, String name) {
    }

    /** An employee; the password (PIN) is hashed before it is stored. */
    public record EmployeeSeed(String location, String id, String name, String password) {
        @Override
        public String toString() {
            return "EmployeeSeed[" + location + "/" + id + "]";
        }
    }

    /** A program; {@code kind} is gift, loyalty or reward. */
    public record ProgramSeed(String id, String name, String kind, List<ValueTypeSeed> valueTypes,
                              List<CardSetSeed> cardSets) {
        public ProgramSeed {
            valueTypes = orEmpty(valueTypes);
            cardSets = orEmpty(cardSets);
        }
    }

    /** A value type; limits are decimal text, absent for "no limit". */
    public record ValueTypeSeed(String balanceType, String balanceCode, Integer scale, String maxBalance,
                                String minIssue, String maxIssue, String minRedeem, String maxRedeem) {
    }

    /** A card set and how many cards to generate in it (0 for none). */
    public record CardSetSeed(String id, String name, String cardNumberPrefix, Integer cardNumberLength, Integer cards) {
    }

    /** An API key; {@code secret} may only be stated in local-only seeds, otherwise one is generated. */
    public record ApiKeySeed(String id, String label, String secret) {
        @Override
        public String toString() {
            return "ApiKeySeed[" + id + "]";
        }
    }

    /**
     * The brand's member portal (optional). {@code merchantId} is one of the brand's locations, the card set one of
     * its card sets; reward amounts are decimal text in the value type's unit.
     */
    public record PortalSeed(String displayName, String logoUrl, ThemeSeed theme, String applicationId, String merchantId,
                             String terminalId, String enrollmentCardSet, List<FieldSeed> customerModel,
                             ReferralSeed referral, List<ListSeed> subscriptionLists, Boolean welcomeEmail,
                             String fromAddress, List<BrandFieldSeed> brandFields) {
        public PortalSeed {
            customerModel = orEmpty(customerModel);
            brandFields = orEmpty(brandFields);
            subscriptionLists = orEmpty(subscriptionLists);
        }
    }

    public record ThemeSeed(String primary, String onPrimary, String background, String text) {
    }

    public record FieldSeed(String name, Boolean required) {
    }

    /** A brand field of the customer model: {@code type} is text, number, choice, date or boolean. */
    public record BrandFieldSeed(String name, String label, String type, Boolean required, List<String> choices) {
        public BrandFieldSeed {
            choices = orEmpty(choices);
        }
    }

    public record ReferralSeed(String valueType, String senderReward, String friendReward, String invitationList) {
    }

    public record ListSeed(String id, String name, Boolean transactional, Boolean defaultOn) {
    }

    /**
     * The brand's checkout configuration (optional; docs/API.md, "Campaigns"): the currency baskets are priced in, the
     * time zone of day and time conditions, coupon sets (with a few coupons or a generated pool, for demos), SKU tags
     * (tag → SKUs) and campaigns.
     */
    public record CheckoutSeed(String currency, String timeZone, List<CouponSetSeed> couponSets,
                               java.util.Map<String, List<String>> skuTags, List<CampaignSeed> campaigns) {
        public CheckoutSeed {
            couponSets = orEmpty(couponSets);
            skuTags = skuTags == null ? java.util.Map.of() : java.util.Map.copyOf(skuTags);
            campaigns = orEmpty(campaigns);
        }
    }

    /**
     * A coupon set; instants are ISO-8601 ({@code 2026-03-01T00:00:00Z}). {@code coupons} lists codes to create, and
     * {@code pool} generates {@code count} codes {@code prefix0001 …} (both optional, for demos; bulk loads have their
     * own path).
     */
    public record CouponSetSeed(String id, String name, String validFrom, String validTo, List<CouponSeed> coupons,
                                PoolSeed pool) {
        public CouponSetSeed {
            coupons = orEmpty(coupons);
        }
    }

    /** One coupon: its code, optional tags and the cards it is restricted to (none: anyone may present it). */
    public record CouponSeed(String code, List<String> tags, List<String> cards) {
        public CouponSeed {
            tags = orEmpty(tags);
            cards = orEmpty(cards);
        }
    }

    public record PoolSeed(String prefix, Integer count) {
    }

    /**
     * A campaign. {@code priority} (default 100), {@code enabled} and {@code stackable} (default true); instants ISO-8601;
     * conditions and results each name their {@code kind} and only the fields that kind has.
     */
    public record CampaignSeed(String id, String name, Boolean enabled, String validFrom, String validTo, Integer priority,
                               Boolean stackable, List<ConditionSeed> conditions, List<ResultSeed> results,
                               LimitsSeed limits) {
        public CampaignSeed {
            conditions = orEmpty(conditions);
            results = orEmpty(results);
        }
    }

    /**
     * A condition: {@code totalAtLeast} (amount), {@code inBasket} (skus or tag, minQuantity), {@code couponPresented}
     * (couponSets), {@code cardProgram} (programs), {@code cardSet} (cardSets), {@code balanceAtLeast} (valueType,
     * amount), {@code daysOfWeek} (days), {@code timeOfDay} (from, to), {@code location} (locations),
     * {@code locationGroup} (locationGroups), {@code firstCheckout}, {@code enrolled} (enrolled),
     * {@code eventOfCategory} (category, minValue), {@code inSegment} (segments: segment ids).
     */
    public record ConditionSeed(String kind, String amount, List<String> skus, String tag, String minQuantity,
                                List<String> couponSets, List<String> programs, List<String> cardSets, String valueType,
                                List<String> days, String from, String to, List<String> locations,
                                List<String> locationGroups, Boolean enrolled, String category, String minValue,
                                List<String> segments) {
    }

    /**
     * A result: {@code discount} (amount or percent, skus or tag), {@code earn} (valueType, rate, multiplier, skus or
     * tag), {@code addToBalance} (valueType, amount), {@code allocateCoupon} (couponSet), {@code useCoupon} (couponSet),
     * {@code message} (text).
     */
    public record ResultSeed(String kind, String amount, String percent, List<String> skus, String tag, String valueType,
                             String rate, String multiplier, String couponSet, String text) {
    }

    /** Limits; {@code perCardPerPeriod.period} is an ISO-8601 duration ({@code P1D}, {@code PT12H}). */
    public record LimitsSeed(Integer perCard, PerPeriodSeed perCardPerPeriod, Long total) {
    }

    public record PerPeriodSeed(Integer times, String period) {
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
