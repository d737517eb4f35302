package io.tally.domain.email;

import io.tally.domain.tenant.BrandId;

/**
 * Hard bounces as sending sees them: an address that bounced hard is not tried again (mail providers punish senders
 * who keep mailing dead addresses), and each message not sent for it is counted as a bounce drop.
 */
public interface BouncesPort {
    /** Nothing bounced: for the tests of other rules. */
    BouncesPort NONE = new BouncesPort() {
        @Override
        public boolean bounced(BrandId brand, String address) {
            return false;
        }

        @Override
        public void dropped(EmailMessage message) {
        }
    };

    /** Whether the address bounced hard before (A125). */
    boolean bounced(BrandId brand, String address);

    /** Counts the message as a bounce drop, once however often it is dropped (by its message id). */
    void dropped(EmailMessage message);
}
