package io.tally.domain.member;

import io.tally.domain.card.CardNumber;
import io.tally.domain.shared.Outcome;
import io.tally.domain.tenant.BrandId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Names the wrong-PIN counter of what a customer typed as a card number, through {@link CardNumber#canonical}, so
 * that every spelling of a number shares one counter. A valid number's counter is named by its digits. Any other
 * text gets a counter too (a lockout must not tell whether a number exists), named by a hash of its canonical text:
 * the name then has a fixed length whatever was typed (NFKC can make 18 characters of one, and a DynamoDB key holds
 * at most 2048 bytes), and two texts that differ only by separators still share it.
 */
final class WrongPinCounter {
    private static final int HASH_BYTES = 16;

    private WrongPinCounter() {
    }

    static String of(BrandId brand, String typed) {
        String prefix = "pin#" + brand.value() + "#";
        Outcome<CardNumber> number = CardNumber.parse(typed);
        return number.isAccepted() ? prefix + number.value().value() : prefix + "~" + hash(CardNumber.canonical(typed));
    }

    private static String hash(String text) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(h, HASH_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
