package io.tally.backoffice.wiring;

import dagger.BindsInstance;
import dagger.Component;
import io.tally.backoffice.http.OfficeApp;
import io.tally.backoffice.reports.ReportWriter;
import io.tally.backoffice.segments.SegmentEvaluator;
import io.tally.backoffice.sends.Mailer;
import io.tally.domain.staff.StaffIdentityPort;
import io.tally.domain.staff.StaffPort;
import io.tally.domain.staff.StaffUseCase;
import io.tally.sqs.wiring.QueuesModule;
import javax.inject.Singleton;

/** The object graph of a back-office container: built once, shared by every invocation. */
@Singleton
@Component(modules = {QueuesModule.class, OfficeModule.class, OfficeAreasModule.class, ReportsModule.class,
        SegmentsModule.class, SendsModule.class})
public interface OfficeComponent {
    OfficeApp office();

    StaffUseCase staff();

    StaffPort staffStore();

    StaffIdentityPort identity();

    /** The report writer (QueueId.REPORTS' consumer); needs the reports bucket in the settings. */
    ReportWriter reportWriter();

    /** The segment evaluator (QueueId.SEGMENT_EVALUATIONS' consumer); needs the evaluations queue in the settings. */
    SegmentEvaluator segmentEvaluator();

    /** The mailer (QueueId.MAILINGS' consumer); needs the mailings queue and the portal's secret in the settings. */
    Mailer mailer();

    static OfficeComponent create(OfficeSettings settings) {
        return DaggerOfficeComponent.factory().create(settings);
    }

    @Component.Factory
    interface Factory {
        OfficeComponent create(@BindsInstance OfficeSettings settings);
    }
}
