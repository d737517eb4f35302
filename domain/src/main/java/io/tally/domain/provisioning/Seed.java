package io.tally.domain.provisioning;

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
                            List<ProgramSeed> programs, List<ApiKeySeed> apiKeys, PortalSeed portal) {
        public BrandSeed(String id, String name, Boolean requireEmployee, List<LocationGroupSeed> locationGroups,
                         List<LocationSeed> locations, List<TerminalSeed> terminals, List<EmployeeSeed> employees,
                         List<ProgramSeed> programs, List<ApiKeySeed> apiKeys) {
            this(id, name, requireEmployee, locationGroups, locations, terminals, employees, programs, apiKeys, null);
        }

        public BrandSeed {
            locationGroups = orEmpty(locationGroups);
            locations = orEmpty(locations);
            terminals = orEmpty(terminals);
            employees = orEmpty(employees);
            programs = orEmpty(programs);
            apiKeys = orEmpty(apiKeys);
        }
    }

    public record LocationGroupSeed(String id, String name) {
    }

    /** A location; {@code group} may be omitted when the brand has one group. */
    public record LocationSeed(String id, String group, String name) {
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
                             String fromAddress) {
        public PortalSeed {
            customerModel = orEmpty(customerModel);
            subscriptionLists = orEmpty(subscriptionLists);
        }
    }

    public record ThemeSeed(String primary, String onPrimary, String background, String text) {
    }

    public record FieldSeed(String name, Boolean required) {
    }

    public record ReferralSeed(String valueType, String senderReward, String friendReward, String invitationList) {
    }

    public record ListSeed(String id, String name, Boolean transactional, Boolean defaultOn) {
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
