package io.tally.portal.wiring;

import dagger.BindsInstance;
import dagger.Component;
import io.tally.domain.enrollment.CompleteEnrollmentsUseCase;
import io.tally.portal.delivery.DeliveryEventsConsumer;
import io.tally.portal.email.EmailConsumer;
import io.tally.portal.http.PortalApp;
import io.tally.sqs.wiring.QueuesModule;
import javax.inject.Singleton;

/** The object graph of a portal or e-mail sender container: built once, shared by every invocation. */
@Singleton
@Component(modules = {QueuesModule.class, PortalModule.class})
public interface PortalComponent {
    PortalApp portal();

    EmailConsumer emailConsumer();

    /** The delivery-events consumer's graph (SES events: statistics, complaints, bounces). */
    DeliveryEventsConsumer deliveryEventsConsumer();

    /** The periodic job's side of enrollment (the jobs function builds this graph for it). */
    CompleteEnrollmentsUseCase completeEnrollments();

    /** On Lambda: every port on DynamoDB. */
    static PortalComponent create(PortalSettings settings) {
        return DaggerPortalComponent.factory().create(settings, java.util.Optional.empty());
    }

    /** With the stored-value ports given (tests that want them in memory). */
    static PortalComponent create(PortalSettings settings, CardStores cardStores) {
        return DaggerPortalComponent.factory().create(settings, java.util.Optional.of(cardStores));
    }

    @Component.Factory
    interface Factory {
        PortalComponent create(@BindsInstance PortalSettings settings, @BindsInstance java.util.Optional<CardStores> cardStores);
    }
}
