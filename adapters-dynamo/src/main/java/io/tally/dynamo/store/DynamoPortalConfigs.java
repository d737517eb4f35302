package io.tally.dynamo.store;

import io.tally.domain.portal.CustomerField;
import io.tally.domain.portal.DemographicField;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.portal.PortalConfigPort;
import io.tally.domain.portal.ReferralRewards;
import io.tally.domain.portal.SubscriptionList;
import io.tally.domain.portal.Theme;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * The portal configuration: one item next to the brand ({@code BRAND#b / PORTAL}). The theme is a list of its four
 * colours, the customer model a list of field names ({@code !} marks a required one), the referral rewards four flat
 * attributes present only when the brand has them, the subscription lists a list of maps, the brand's own fields of the
 * customer model ({@code brandFields}) a list of maps (name, label, type, required, choices).
 */
final class DynamoPortalConfigs implements PortalConfigPort {
    /** The item schemas, built on first use of a table (see {@link Table#lazily}), not when the adapter is made. */
    static final class Schemas {
        static final StaticImmutableTableSchema<SubscriptionList, ItemValues> SUBSCRIPTION_LIST =
                ItemSchema.of(SubscriptionList.class, DynamoPortalConfigs::list)
                        .string("id", SubscriptionList::id)
                        .string("name", SubscriptionList::name)
                        .bool("transactional", SubscriptionList::transactional)
                        .bool("defaultOn", SubscriptionList::defaultOn)
                        .flag("archived", SubscriptionList::archived)
                        .build();

        static final StaticImmutableTableSchema<DemographicField, ItemValues> BRAND_FIELD =
                ItemSchema.of(DemographicField.class, DynamoPortalConfigs::brandField)
                        .string("name", DemographicField::name)
                        .string("label", DemographicField::label)
                        .string("type", f -> f.type().wireName())
                        .bool("required", DemographicField::required)
                        .stringList("choices", DemographicField::choices)
                        .build();

        static final StaticImmutableTableSchema<PortalConfig, ItemValues> SCHEMA = ItemSchema.of(PortalConfig.class, DynamoPortalConfigs::config)
                .key("PortalConfig", c -> Keys.brand(c.brand().value()), c -> Keys.PORTAL_SK)
                .string("brand", c -> c.brand().value())
                .string("displayName", PortalConfig::displayName)
                .string("logoUrl", c -> c.logoUrl().orElse(null))
                .stringList("theme", c -> List.of(c.theme().primary(), c.theme().onPrimary(), c.theme().background(),
                        c.theme().text()))
                .string("applicationId", PortalConfig::applicationId)
                .string("merchantId", PortalConfig::merchantId)
                .string("terminalId", PortalConfig::terminalId)
                .string("enrollmentCardSet", c -> c.enrollmentCardSet().value())
                .stringList("customerModel", c -> c.customerModel().stream()
                        .map(s -> s.field().formName() + (s.required() ? "!" : "")).toList())
                .string("referralValueType", c -> c.referral().map(r -> r.valueType().asText()).orElse(null))
                .number("referralSender", c -> c.referral().map(ReferralRewards::senderAmount).orElse(null))
                .number("referralFriend", c -> c.referral().map(ReferralRewards::friendAmount).orElse(null))
                .string("referralList", c -> c.referral().map(ReferralRewards::invitationList).orElse(null))
                .documents("lists", SubscriptionList.class, Schemas.SUBSCRIPTION_LIST, PortalConfig::subscriptionLists)
                .bool("welcomeEmail", PortalConfig::welcomeEmail)
                .string("fromAddress", PortalConfig::fromAddress)
                .documents("brandFields", DemographicField.class, Schemas.BRAND_FIELD, PortalConfig::demographics)
                .build();

        private Schemas() {
        }
    }

    private final Table table;
    private final Supplier<DynamoDbTable<PortalConfig>> configs;

    DynamoPortalConfigs(Table table) {
        this.table = table;
        this.configs = table.lazily(() -> Schemas.SCHEMA);
    }

    @Override
    public Optional<PortalConfig> load(BrandId brand) {
        return table.get(configs.get(), Keys.brand(brand.value()), Keys.PORTAL_SK, false);
    }

    @Override
    public boolean save(PortalConfig config) {
        return table.upsert(configs.get(), config);
    }

    private static PortalConfig config(ItemValues v) {
        List<String> theme = v.list("theme");
        List<CustomerField.Spec> model = v.<String>list("customerModel").stream().map(s -> {
            boolean required = s.endsWith("!");
            return new CustomerField.Spec(CustomerField.byFormName(required ? s.substring(0, s.length() - 1) : s), required);
        }).toList();
        Optional<ReferralRewards> referral = v.optString("referralValueType").map(type -> new ReferralRewards(
                ValueTypeKey.parseText(type), v.number("referralSender"), v.number("referralFriend"),
                v.optString("referralList").orElse(null)));
        return new PortalConfig(new BrandId(v.string("brand")), v.string("displayName"), v.optString("logoUrl"),
                new Theme(theme.get(0), theme.get(1), theme.get(2), theme.get(3)), v.string("applicationId"),
                v.string("merchantId"), v.string("terminalId"), new CardSetId(v.string("enrollmentCardSet")), model,
                referral, v.list("lists"), v.bool("welcomeEmail"), v.string("fromAddress"), v.list("brandFields"));
    }

    private static DemographicField brandField(ItemValues v) {
        return new DemographicField(v.string("name"), v.string("label"), DemographicField.Type.byWireName(v.string("type")),
                v.bool("required"), v.list("choices"));
    }

    private static SubscriptionList list(ItemValues v) {
        return new SubscriptionList(v.string("id"), v.string("name"), v.bool("transactional"), v.bool("defaultOn"),
                v.bool("archived"));
    }
}
