package io.tally.domain.delivery;

import io.tally.domain.tenant.BrandId;
import java.time.Instant;

/**
 * Addresses that bounced hard (the mailbox or its domain does not exist): marked once by the provider's bounce event,
 * read before every send, so the brand stops mailing them (mail providers punish senders who keep trying).
 */
public interface BouncedAddressesPort {
    /** A124: marks the address (marking it again keeps the first mark). */
    void mark(BrandId brand, String address, Instant at);

    /** A125: whether the address is marked. */
    boolean find(BrandId brand, String address);
}
