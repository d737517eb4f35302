package io.tally.dynamo.store;

import io.tally.domain.portal.CustomerField;
import io.tally.domain.portal.PortalConfig;
import io.tally.domain.portal.PortalConfigPort;
import io.tally.domain.portal.ReferralRewards;
import io.tally.domain.portal.SubscriptionList;
import io.tally.domain.portal.Theme;
import io.tally.domain.program.CardSetId;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.tenant.BrandId;
import io.tally.dynamo.table.Keys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The portal configuration: one item next to the brand ({@code BRAND#b / PORTAL}), hand-mapped. */
final class DynamoPortalConfigs implements PortalConfigPort {
    private final Table table;

    DynamoPortalConfigs(Table table) {
        this.table = table;
    }

    @Override
    public Optional<PortalConfig> load(BrandId brand) {
        return table.get(Keys.brand(brand.value()), Keys.PORTAL_SK, false).map(DynamoPortalConfigs::config);
    }

    @Override
    public boolean save(PortalConfig c) {
        var item = Attr.item(Keys.brand(c.brand().value()), Keys.PORTAL_SK, "PortalConfig");
        item.put("brand", Attr.s(c.brand().value()));
        item.put("displayName", Attr.s(c.displayName()));
        c.logoUrl().ifPresent(u -> item.put("logoUrl", Attr.s(u)));
        item.put("theme", AttributeValue.fromL(List.of(Attr.s(c.theme().primary()), Attr.s(c.theme().onPrimary()),
                Attr.s(c.theme().background()), Attr.s(c.theme().text()))));
        item.put("applicationId", Attr.s(c.applicationId()));
        item.put("merchantId", Attr.s(c.merchantId()));
        item.put("terminalId", Attr.s(c.terminalId()));
        item.put("enrollmentCardSet", Attr.s(c.enrollmentCardSet().value()));
        item.put("customerModel", AttributeValue.fromL(c.customerModel().stream()
                .map(s -> Attr.s(s.field().formName() + (s.required() ? "!" : ""))).toList()));
        c.referral().ifPresent(r -> {
            item.put("referralValueType", Attr.s(r.valueType().asText()));
            item.put("referralSender", Attr.n(r.senderAmount()));
            item.put("referralFriend", Attr.n(r.friendAmount()));
            item.put("referralList", Attr.s(r.invitationList()));
        });
        item.put("lists", AttributeValue.fromL(c.subscriptionLists().stream().map(l -> {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("id", Attr.s(l.id()));
            m.put("name", Attr.s(l.name()));
            m.put("transactional", Attr.bool(l.transactional()));
            m.put("defaultOn", Attr.bool(l.defaultOn()));
            return AttributeValue.fromM(m);
        }).toList()));
        item.put("welcomeEmail", Attr.bool(c.welcomeEmail()));
        item.put("fromAddress", Attr.s(c.fromAddress()));
        return table.upsert(item);
    }

    private static PortalConfig config(Map<String, AttributeValue> i) {
        List<AttributeValue> theme = i.get("theme").l();
        List<CustomerField.Spec> model = new ArrayList<>();
        for (AttributeValue v : i.get("customerModel").l()) {
            String s = v.s();
            boolean required = s.endsWith("!");
            model.add(new CustomerField.Spec(CustomerField.byFormName(required ? s.substring(0, s.length() - 1) : s), required));
        }
        Optional<ReferralRewards> referral = Attr.optStr(i, "referralValueType").map(vt -> new ReferralRewards(
                ValueTypeKey.parseText(vt), Attr.num(i, "referralSender"), Attr.num(i, "referralFriend"),
                Attr.str(i, "referralList")));
        List<SubscriptionList> lists = i.get("lists").l().stream().map(AttributeValue::m).map(m -> new SubscriptionList(
                m.get("id").s(), m.get("name").s(), m.get("transactional").bool(), m.get("defaultOn").bool())).toList();
        return new PortalConfig(new BrandId(Attr.str(i, "brand")), Attr.str(i, "displayName"), Attr.optStr(i, "logoUrl"),
                new Theme(theme.get(0).s(), theme.get(1).s(), theme.get(2).s(), theme.get(3).s()),
                Attr.str(i, "applicationId"), Attr.str(i, "merchantId"), Attr.str(i, "terminalId"),
                new CardSetId(Attr.str(i, "enrollmentCardSet")), model, referral, lists, Attr.bool(i, "welcomeEmail"),
                Attr.str(i, "fromAddress"));
    }
}
