package io.tally.domain.campaign;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What a checkout buys: lines of SKU, quantity ({@code amountPurchased}, may be fractional: weights) and unit price, in
 * the brand's checkout currency ({@link CheckoutConfig#currency}), and the total the till states.
 */
public record Basket(List<Line> lines, BigDecimal checkoutTotal) {
    public static final int MAX_LINES = 200;

    public Basket {
        lines = List.copyOf(lines);
        Objects.requireNonNull(checkoutTotal, "checkoutTotal");
        if (lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("a basket has at most " + MAX_LINES + " lines");
        }
        if (checkoutTotal.signum() < 0) {
            throw new IllegalArgumentException("checkoutTotal is not negative");
        }
    }

    public record Line(String sku, BigDecimal quantity, BigDecimal unitPrice) {
        public Line {
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(unitPrice, "unitPrice");
            if (!validSku(sku)) {
                throw new IllegalArgumentException("a sku is 1-64 characters, none of them a control character");
            }
            if (quantity.signum() <= 0 || unitPrice.signum() < 0) {
                throw new IllegalArgumentException("a line's quantity is positive and its unit price not negative");
            }
        }

        public static boolean validSku(String sku) {
            return sku != null && !sku.isBlank() && sku.length() <= 64 && sku.chars().noneMatch(Character::isISOControl);
        }

        public BigDecimal amount() {
            return quantity.multiply(unitPrice);
        }
    }
}
