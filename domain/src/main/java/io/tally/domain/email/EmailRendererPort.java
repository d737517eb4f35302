package io.tally.domain.email;

import io.tally.domain.portal.PortalConfig;

/** Turns a message into the brand's templated e-mail (the templates live with the portal's pages). */
public interface EmailRendererPort {
    RenderedEmail render(EmailMessage message, PortalConfig brand);
}
