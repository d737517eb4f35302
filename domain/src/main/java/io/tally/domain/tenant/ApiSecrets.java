package io.tally.domain.tenant;

import io.tally.domain.shared.RandomSource;
import io.tally.domain.shared.SecretHasher;
import java.util.HexFormat;

/** New API secrets: 256 random bits as 64 hex characters, stored only as a salted hash. */
public final class ApiSecrets {
    private ApiSecrets() {
    }

    public static String newSecret(RandomSource random) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public static String hash(String secret, RandomSource random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return SecretHasher.hashSecret(secret, salt);
    }
}
