package io.tally.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tally.backoffice.sends.Mailer;
import io.tally.backoffice.wiring.Sends;
import io.tally.domain.card.Card;
import io.tally.domain.communication.EmailTemplate;
import io.tally.domain.communication.RecordCardMailings;
import io.tally.domain.communication.TemplateMailRenderer;
import io.tally.domain.communication.send.Send;
import io.tally.domain.communication.send.SendChannel;
import io.tally.domain.communication.send.SendFanoutUseCase;
import io.tally.domain.communication.send.SendMails;
import io.tally.domain.communication.send.SendPagesQueuePort;
import io.tally.domain.communication.send.SendProgress;
import io.tally.domain.communication.send.SendStatus;
import io.tally.domain.contract.PortalTestData;
import io.tally.domain.email.BouncesPort;
import io.tally.domain.email.DeliverEmailUseCase;
import io.tally.domain.ledger.CardQueriesUseCase;
import io.tally.domain.portal.SubscriptionList;
import io.tally.domain.segment.BrandCardsPort;
import io.tally.domain.shared.SignedTokens;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.lambda.topology.FunctionId;
import io.tally.lambda.topology.QueueId;
import io.tally.local.sqs.ElasticMqServer;
import io.tally.local.sqs.LocalQueues;
import io.tally.local.sqs.LocalSqsEventSource;
import io.tally.local.sqs.QueueOptions;
import io.tally.portal.email.EmailConsumer;
import io.tally.portal.email.JteEmailRenderer;
import io.tally.sqs.email.EmailJson;
import io.tally.sqs.email.SqsEmailOutbox;
import io.tally.sqs.html.JsoupHtmlSanitizer;
import io.tally.sqs.json.Json;
import io.tally.sqs.send.SendPageJson;
import io.tally.sqs.send.SqsSendPages;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Figure 12 (issue 15). A scheduled send of a template to a default-on list over {@code n} generated cards with e-mail
 * addresses, stored in dynalite: the jobs function's {@link SendFanoutUseCase#runDue} starts it, the real
 * {@link Mailer} (the mailer function) fans its pages out on ElasticMQ's mailings queue (paced by {@code DelaySeconds},
 * {@link SqsSendPages}) and queues one message per recipient on the e-mail queue ({@link SqsEmailOutbox}), and the real
 * {@link EmailConsumer} (the e-mail sender: claim A23, the template rendered from the stored card) hands each to
 * {@link CapturedMail} instead of SES. Both consumers run behind {@link LocalSqsEventSource}, the local stack's Lambda
 * event source mapping (one batch at a time per queue). Every {@value #DUPLICATE_EVERY}th page (1, 11, ...) is
 * queued twice (a duplicate delivery). Measured: time until every page is done (the send SENT), the rate of queueing and of sending
 * against the configured rate, the heap sampled during the run (ElasticMQ runs in this JVM here: its queues are in it)
 * and after a full GC, and each recipient exactly once (captured per address).
 * Options: {@code --send-recipients N} (default 100,000; the smoke run 300), {@code --send-rates R1,R2} (messages per
 * second, one send each; default 1000,50; the smoke run 50).
 */
final class ScheduledSendFigure {
    private static final String FIGURE = "12 scheduled send";
    /** Card indices apart from every other figure's. */
    static final long FIRST = 6_000_000_000L;
    static final int DUPLICATE_EVERY = 10;
    private static final long IDLE_LIMIT_NANOS = TimeUnit.MINUTES.toNanos(3);
    private static final String PORTAL_URL = "https://bench.example/portal/BENCH";

    private final BenchWorld world;
    private final Options options;
    private final int recipients;
    private final int[] rates;

    ScheduledSendFigure(BenchWorld world, Options options, String[] args) {
        this.world = world;
        this.options = options;
        int n = options.quick() ? 300 : 100_000;
        int[] r = options.quick() ? new int[] {50} : new int[] {1000, 50};
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--send-recipients")) {
                n = Integer.parseInt(args[i + 1].replace("_", "").replace(",", ""));
            } else if (args[i].equals("--send-rates")) {
                r = java.util.Arrays.stream(args[i + 1].split(",")).map(String::trim).mapToInt(Integer::parseInt)
                        .toArray();
            }
        }
        this.recipients = n;
        this.rates = r;
    }

    void run(Report report) throws Exception {
        DynamoStorage storage = world.storage();
        long loadBegan = System.nanoTime();
        store(storage);
        double loadSeconds = (System.nanoTime() - loadBegan) / 1e9;
        storage.portalConfigs().save(PortalTestData.config(Generated.BRAND, Generated.SET, Generated.USD)
                .withLists(List.of(new SubscriptionList("account", "Account messages", true, true),
                        new SubscriptionList("news", "News and offers", false, true),
                        new SubscriptionList("invitations", "Invitations from friends", false, true))));
        storage.templates().create(new EmailTemplate(Generated.BRAND, "bench-news", "News", "Hi {{customer.firstName}}",
                "<p>Hello {{customer.firstName}} {{customer.lastName}}, card {{card.number}}.</p>",
                "Hello {{customer.firstName}}", Instant.now(), "bench", 1));
        long eligible = eligible(storage);
        System.err.printf(Locale.ROOT, "figure 12: %d cards stored in %.1f s; %d eligible recipients%n", recipients,
                loadSeconds, eligible);
        int run = 0;
        for (int rate : rates) {
            report.add(progress(send(storage, rate, eligible, "bench" + (++run) + "x" + System.nanoTime() % 100_000)));
        }
    }

    /** The generated cards {@code FIRST ..}, stored through the batch path, 1,000 a call. */
    private void store(DynamoStorage storage) {
        List<Card> batch = new ArrayList<>(1_000);
        for (long i = 0; i < recipients; i++) {
            batch.add(Generated.card(FIRST + i));
            if (batch.size() == 1_000) {
                storage.bulkImport().cards(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            storage.bulkImport().cards(batch);
        }
    }

    /** The brand's cards with a primary e-mail, listed as the fan-out lists them (A88): every other figure's too. */
    private static long eligible(DynamoStorage storage) {
        BrandCardsPort cards = storage.brandCards();
        long count = 0;
        Optional<String> cursor = Optional.empty();
        do {
            BrandCardsPort.CardsPage page = cards.page(Generated.BRAND, cursor, BrandCardsPort.MAX_PAGE);
            count += page.cards().stream().filter(c -> SendMails.email(c).isPresent()).count();
            cursor = page.next();
        } while (cursor.isPresent());
        return count;
    }

    private Report.Row send(DynamoStorage storage, int rate, long eligible, String id) throws Exception {
        CapturedMail captured = new CapturedMail(FIRST, recipients);
        AtomicInteger duplicates = new AtomicInteger();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Clock clock = Clock.systemUTC();
        try (ElasticMqServer server = ElasticMqServer.start()) {
            LocalQueues queues = server.createQueues(QueueOptions.forTest("send-", 30));
            SqsClient sqs = server.client();
            SqsSendPages real = new SqsSendPages(sqs, queues.get(QueueId.MAILINGS).url(), new SendPageJson(Json.mapper()));
            SendPagesQueuePort pages = (page, delay) -> {
                real.send(page, delay);
                if (page.page() % DUPLICATE_EVERY == 1) { // pages 1, 11, 21, ...: the smoke run's 4 pages hold one
                    real.send(page, delay); // a duplicate delivery of this page
                    duplicates.incrementAndGet();
                }
            };
            SendFanoutUseCase fanout = Sends.fanout(storage, pages, new SqsEmailOutbox(sqs,
                    queues.get(QueueId.EMAILS).url(), new EmailJson()),
                    SignedTokens.fromText("bench-only-portal-secret-of-at-least-32-characters"), clock);
            Mailer mailer = new Mailer(fanout, new SendPageJson(Json.mapper()), quiet);
            // as PortalModule.emailConsumer wires it, with the capturing provider, no tracking and no bounce marks
            TemplateMailRenderer templates = new TemplateMailRenderer(storage.templates(), storage.programs(),
                    new CardQueriesUseCase(storage.cards(), storage.cardLedger(), clock), storage.cardLedger(),
                    storage.locations(), new JsoupHtmlSanitizer());
            EmailConsumer sender = new EmailConsumer(new DeliverEmailUseCase(storage.portalConfigs(),
                    storage.preferences(), storage.sentEmails(), new JteEmailRenderer(), captured, templates, clock,
                    new RecordCardMailings(storage.cardMailings()), BouncesPort.NONE), new EmailJson(), quiet);
            RequestHandler<SQSEvent, SQSBatchResponse> mailerFn = (event, context) -> mailer.consume(event);
            RequestHandler<SQSEvent, SQSBatchResponse> senderFn = (event, context) -> sender.handle(event);
            storage.sends().setRate(Generated.BRAND, rate);
            Instant now = clock.instant();
            Send draft = new Send(Generated.BRAND, id, "Bench " + id, "bench-news", 0, "news", Optional.empty(),
                    SendChannel.EMAIL, Optional.empty(), Optional.empty(), SendStatus.DRAFT, Optional.empty(), rate,
                    SendProgress.NONE, Optional.empty(), now, "bench", 1);
            if (!storage.sends().create(draft) || !storage.sends().update(draft.queued(1, now, PORTAL_URL, now,
                    "bench"))) {
                throw new IllegalStateException("send " + id + " not stored");
            }
            HeapSampler heap = new HeapSampler();
            long heapBefore = ReportExportFigure.heapAfterGc();
            try (LocalSqsEventSource source = new LocalSqsEventSource(sqs, queues, fn -> switch (fn) {
                case MAILER -> mailerFn;
                case EMAIL_SENDER -> senderFn;
                default -> throw new IllegalStateException("no " + fn + " in figure 12");
            })) {
                heap.start(sqs, queues.get(QueueId.EMAILS).url());
                long began = System.nanoTime();
                SendFanoutUseCase.Due due = fanout.runDue(Generated.BRAND); // the jobs function
                if (due.started() != 1) {
                    throw new IllegalStateException("the jobs function started " + due.started() + " sends");
                }
                source.start();
                double queuedSeconds = Double.NaN;
                long lastTotal = -1;
                long idleSince = System.nanoTime();
                while (true) {
                    Thread.sleep(200);
                    Send s = storage.sends().find(Generated.BRAND, id).orElseThrow();
                    if (Double.isNaN(queuedSeconds) && s.status() == SendStatus.SENT) {
                        queuedSeconds = (System.nanoTime() - began) / 1e9;
                        System.err.printf(Locale.ROOT, "figure 12 rate %d: SENT after %.1f s, %d queued%n", rate,
                                queuedSeconds, s.progress().queued());
                    }
                    if (s.status() == SendStatus.ERROR) {
                        throw new IllegalStateException("send " + id + " ERROR: " + s.error().orElse(""));
                    }
                    long total = captured.total();
                    if (!Double.isNaN(queuedSeconds) && total >= s.progress().queued()) {
                        Thread.sleep(2_000); // a late duplicate would show up here
                        break;
                    }
                    if (total != lastTotal) {
                        lastTotal = total;
                        idleSince = System.nanoTime();
                    } else if (System.nanoTime() - idleSince > IDLE_LIMIT_NANOS) {
                        throw new IllegalStateException("nothing sent for 3 minutes: " + total + " of "
                                + s.progress().queued() + " queued, " + s.status());
                    }
                }
                heap.stop();
                long heapAfter = ReportExportFigure.heapAfterGc();
                Send done = storage.sends().find(Generated.BRAND, id).orElseThrow();
                double sentSeconds = captured.secondsToLast(began);
                double queueRate = done.progress().queued() / queuedSeconds;
                double sendRate = captured.total() / sentSeconds;
                int pageCount = done.progress().pages().orElse(0);
                // the pacing's floor on the time to queue: page k is due ceil(k x page / rate) whole seconds after the
                // first (SendFanoutUseCase.delay), so the last page no sooner than that for k = pages - 1
                long floorSeconds = Math.max(0, pageCount - 1) * (long) BrandCardsPort.MAX_PAGE / rate
                        + ((Math.max(0, pageCount - 1) * (long) BrandCardsPort.MAX_PAGE) % rate == 0 ? 0 : 1);
                boolean exactlyOnce = captured.total() == eligible && captured.distinct() == eligible
                        && captured.duplicated() == 0 && captured.missing() == 0 && done.progress().queued() == eligible;
                boolean paced = queueRate <= rate * 1.05;
                double ratio = (double) heapAfter / Math.max(1, heapBefore);
                boolean flat = ratio <= 2.0;
                return new Report.Row(FIGURE, recipients + " generated cards (" + eligible + " recipients), rate "
                        + rate + "/s, " + pageCount + " pages", Report.fmt(queuedSeconds) + " s to queue, "
                        + Math.round(sendRate) + " sent/s", rate + "/s configured", queueRate / rate,
                        "queued <= configured rate; each recipient once; heap after <= 2x before",
                        exactlyOnce && paced && flat ? Report.Verdict.MET : Report.Verdict.MISSED,
                        "queued " + Math.round(queueRate) + "/s (pacing floor " + floorSeconds + " s: " + pageCount
                                + " pages of " + BrandCardsPort.MAX_PAGE + ", page k due ceil(k x "
                                + BrandCardsPort.MAX_PAGE + " / " + rate + ") s after the first); last message"
                                + " sent at " + Report.fmt(sentSeconds) + " s (first at "
                                + Report.fmt(captured.secondsToFirst(began)) + " s); captured " + captured.total()
                                + " messages to " + captured.distinct() + " addresses, " + captured.duplicated()
                                + " twice, " + captured.missing() + " generated cards missed, send counted "
                                + done.progress().queued() + " queued / " + done.progress().skipped() + " skipped; "
                                + duplicates.get() + " pages delivered twice; heap after a full GC "
                                + ReportExportFigure.mb(heapBefore) + " MB before, "
                                + ReportExportFigure.mb(heapAfter) + " MB after; used while sending "
                                + ReportExportFigure.mb(heap.min.get()) + "-" + ReportExportFigure.mb(heap.max.get())
                                + " MB (garbage included, ElasticMQ's queues in this JVM; e-mail queue backlog at"
                                + " most " + heap.backlog.get() + ")");
            } finally {
                heap.stop();
            }
        }
    }

    private static Report.Row progress(Report.Row row) {
        System.err.println("figure 12: " + row);
        return row;
    }

    /** Samples the heap in use every 50 ms and the e-mail queue's backlog every second. */
    private static final class HeapSampler {
        final AtomicLong min = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong max = new AtomicLong();
        final AtomicLong backlog = new AtomicLong();
        private Thread thread;

        void start(SqsClient sqs, String emailsUrl) {
            thread = new Thread(() -> {
                int tick = 0;
                while (!Thread.currentThread().isInterrupted()) {
                    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    min.accumulateAndGet(used, Math::min);
                    max.accumulateAndGet(used, Math::max);
                    if (tick++ % 20 == 0) {
                        try {
                            String n = sqs.getQueueAttributes(b -> b.queueUrl(emailsUrl).attributeNames(
                                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                                    .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
                            backlog.accumulateAndGet(Long.parseLong(n), Math::max);
                        } catch (RuntimeException e) {
                            // the server closing
                        }
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "figure-12-heap");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            if (thread != null) {
                thread.interrupt();
            }
        }
    }
}
