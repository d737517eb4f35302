package io.tally.lambda.merchant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.domain.campaign.Basket;
import io.tally.domain.campaign.Evaluation;
import io.tally.domain.checkout.CheckoutUseCase;
import io.tally.domain.coupon.CouponCode;
import io.tally.domain.ledger.CheckoutFacts;
import io.tally.domain.program.LoadProgramsPort;
import io.tally.domain.program.ValueTypeKey;
import io.tally.domain.shared.Outcome;
import io.tally.domain.shared.Reason;
import io.tally.domain.tenant.BrandId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The wire shapes of checkout: the basket, coupons and redemptions in; mutations, messages and explanations out. */
final class CheckoutJson {
    private CheckoutJson() {
    }

    /** {@code products[{sku, amountPurchased, unitPrice}]} and {@code checkoutTotal} (the lines' sum when absent). */
    static Outcome<Basket> basket(JsonNode body) {
        Optional<JsonNode> products = Fields.present(body, "products");
        List<Basket.Line> lines = new ArrayList<>();
        if (products.isPresent()) {
            if (!products.get().isArray()) {
                return Fields.wrongType("products", "an array of {sku, amountPurchased, unitPrice}");
            }
            if (products.get().size() > Basket.MAX_LINES) {
                return Outcome.rejected(Reason.INVALID_REQUEST, "products has at most " + Basket.MAX_LINES + " lines.");
            }
            int i = 0;
            for (JsonNode p : products.get()) {
                String path = "products[" + i++ + "]";
                if (!p.isObject()) {
                    return Fields.wrongType(path, "an object {sku, amountPurchased, unitPrice}");
                }
                Input in = new Input();
                Optional<String> sku = in.take(Fields.text(p, "sku", 64), Optional.empty());
                Optional<BigDecimal> qty = in.take(decimal(p, "amountPurchased", path), Optional.empty());
                Optional<BigDecimal> price = in.take(decimal(p, "unitPrice", path), Optional.empty());
                if (in.failed()) {
                    return in.rejected();
                }
                if (sku.isEmpty() || sku.get().isBlank()) {
                    return Outcome.rejected(Reason.INVALID_REQUEST, path + ".sku is required.");
                }
                if (!Basket.Line.validSku(sku.get().strip())) {
                    return Outcome.rejected(Reason.INVALID_REQUEST, path + ".sku is 1-64 characters without control characters.");
                }
                BigDecimal quantity = qty.orElse(BigDecimal.ONE);
                if (quantity.signum() <= 0) {
                    return Outcome.rejected(Reason.INVALID_REQUEST, path + ".amountPurchased must be positive.");
                }
                if (price.isEmpty()) {
                    return Outcome.rejected(Reason.INVALID_REQUEST, path + ".unitPrice is required.");
                }
                lines.add(new Basket.Line(sku.get().strip(), quantity, price.get()));
            }
        }
        Optional<BigDecimal> total;
        Outcome<Optional<BigDecimal>> t = decimal(body, "checkoutTotal", "");
        if (!t.isAccepted()) {
            return Outcome.rejected(((Outcome.Rejected<?>) t).rejection());
        }
        total = t.value();
        BigDecimal sum = lines.stream().map(Basket.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Outcome.accepted(new Basket(lines, total.orElse(sum)));
    }

    /** A non-negative decimal (number or numeric text), at most 12 digits before and 6 after the point; absent is empty. */
    static Outcome<Optional<BigDecimal>> decimal(JsonNode parent, String field, String path) {
        String name = path.isEmpty() ? field : path + "." + field;
        Optional<JsonNode> n = Fields.present(parent, field);
        if (n.isEmpty()) {
            return Outcome.accepted(Optional.empty());
        }
        JsonNode v = n.get();
        String text = v.isNumber() ? v.asText() : v.isTextual() ? v.asText().strip() : null;
        if (text == null) {
            return Fields.wrongType(name, "a decimal number");
        }
        if (text.length() > 40 || !text.matches("[0-9]{1,12}(\\.[0-9]{1,6})?|\\.[0-9]{1,6}")) {
            return Outcome.rejected(Reason.INVALID_AMOUNT, name + " must be a non-negative number with at most 6 decimals.");
        }
        return Outcome.accepted(Optional.of(new BigDecimal(text)));
    }

    /** {@code coupons}: codes as strings, or objects {@code {couponCode}}. */
    static Outcome<List<CouponCode>> coupons(JsonNode body) {
        Optional<JsonNode> list = Fields.present(body, "coupons");
        List<CouponCode> out = new ArrayList<>();
        if (list.isEmpty()) {
            return Outcome.accepted(out);
        }
        if (!list.get().isArray()) {
            return Fields.wrongType("coupons", "an array of coupon codes");
        }
        for (JsonNode c : list.get()) {
            JsonNode code = c.isObject() ? c.get("couponCode") : c;
            String text = code == null || code.isNull() ? null : code.asText();
            if (!CouponCode.isValid(text)) {
                return Outcome.rejected(Reason.COUPON_NOT_FOUND, "no coupon " + Fields.abbreviate(String.valueOf(text)));
            }
            out.add(new CouponCode(text));
        }
        return Outcome.accepted(out);
    }

    /** {@code redemptions[{balanceType, balanceCode, amount}]}: value the card pays towards the basket. */
    static Outcome<List<CheckoutUseCase.Redemption>> redemptions(JsonNode body) {
        Optional<JsonNode> list = Fields.present(body, "redemptions");
        List<CheckoutUseCase.Redemption> out = new ArrayList<>();
        if (list.isEmpty()) {
            return Outcome.accepted(out);
        }
        if (!list.get().isArray()) {
            return Fields.wrongType("redemptions", "an array of {balanceType, balanceCode, amount}");
        }
        int i = 0;
        for (JsonNode r : list.get()) {
            String path = "redemptions[" + i++ + "]";
            if (!r.isObject()) {
                return Fields.wrongType(path, "an object {balanceType, balanceCode, amount}");
            }
            Outcome<ValueTypeKey> key = ValueTypes.key(r, path);
            if (!key.isAccepted()) {
                return Outcome.rejected(((Outcome.Rejected<?>) key).rejection());
            }
            Outcome<Optional<BigDecimal>> amount = decimal(r, "amount", path);
            if (!amount.isAccepted()) {
                return Outcome.rejected(((Outcome.Rejected<?>) amount).rejection());
            }
            if (amount.value().isEmpty() || amount.value().get().signum() == 0) {
                return Outcome.rejected(Reason.INVALID_AMOUNT, path + ".amount must be positive.");
            }
            out.add(new CheckoutUseCase.Redemption(key.value(), amount.value().get()));
        }
        return Outcome.accepted(out);
    }

    /** balanceMutations, totals, messages and coupons of a recorded checkout. */
    static void sale(ObjectNode out, CheckoutFacts facts, Scales scales) {
        ArrayNode mutations = out.putArray("balanceMutations");
        for (CheckoutFacts.Mutation m : facts.mutations()) {
            ObjectNode n = mutations.addObject();
            BalancesJson.key(n, m.key());
            n.put("amount", scales.decimal(m.key(), m.amount()));
            n.put("isDiscount", m.discount());
        }
        out.put("checkoutTotalBeforeDiscount", facts.checkoutTotal());
        out.put("totalDiscount", facts.totalDiscount());
        ArrayNode messages = out.putArray("responseMessages");
        facts.messages().forEach(messages::add);
        ArrayNode used = out.putArray("couponsUsed");
        facts.couponsUsed().forEach(used::add);
        ArrayNode awarded = out.putArray("couponsAwarded");
        facts.couponsAwarded().forEach(awarded::add);
    }

    /** Every campaign considered: fired, or the first condition that failed. */
    static void campaigns(ObjectNode out, List<CheckoutFacts.Explained> explained) {
        ArrayNode list = out.putArray("campaigns");
        for (CheckoutFacts.Explained x : explained) {
            ObjectNode n = list.addObject();
            n.put("campaignId", x.campaign());
            n.put("fired", x.fired());
            x.failed().ifPresent(f -> n.put("failedCondition", f));
        }
    }

    static List<CheckoutFacts.Explained> explained(Evaluation eval) {
        return eval.explanations().stream()
                .map(x -> new CheckoutFacts.Explained(x.campaign().value(), x.fired(), CheckoutFacts.shortened(x.failed())))
                .toList();
    }

    /** The scales of the brand's value types (mutations may be in any of them, discounts in the checkout currency). */
    static Scales scales(LoadProgramsPort programs, BrandId brand, List<ValueTypeKey> keys) {
        return Scales.forKeys(programs.catalogue(brand), keys);
    }
}
