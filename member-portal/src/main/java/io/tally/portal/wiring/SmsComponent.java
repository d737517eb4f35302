package io.tally.portal.wiring;

import dagger.BindsInstance;
import dagger.Component;
import io.tally.portal.sms.SmsConsumer;
import io.tally.portal.sms.SmsSettings;
import io.tally.sqs.wiring.ContainerModule;
import javax.inject.Singleton;

/** The object graph of an SMS sender container: built once, shared by every invocation. */
@Singleton
@Component(modules = {ContainerModule.class, SmsModule.class})
public interface SmsComponent {
    SmsConsumer consumer();

    static SmsComponent create(SmsSettings settings) {
        return DaggerSmsComponent.factory().create(settings);
    }

    @Component.Factory
    interface Factory {
        SmsComponent create(@BindsInstance SmsSettings settings);
    }
}
