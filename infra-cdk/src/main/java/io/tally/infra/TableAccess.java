package io.tally.infra;

import io.tally.dynamo.table.TallyTable;
import io.tally.lambda.topology.FunctionId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What each function may do to the table: the DynamoDB operations and the indexes (by name) its code reaches, read from
 * the handler's wiring down to the adapters-dynamo classes it uses. A permission missing here fails in production only,
 * so an operation stays wherever a path to it was not ruled out; what no function's code calls is left out everywhere:
 * <ul>
 *   <li>{@code Scan}: never on a request path (house rule 9);</li>
 *   <li>{@code BatchWriteItem}: only the jobs function, whose rollups job writes and deletes a generation's parts in
 *   batches ({@code GenerationalItems}: parts nobody reads until one conditional header commits them); elsewhere only
 *   {@code DynamoBulkImport}, which the benchmarks use;</li>
 *   <li>{@code ConditionCheckItem} and transactions: single-item conditional writes decide every change (house rule 7);</li>
 *   <li>{@code DescribeTable}: only {@code TallyTable.ensureExists}, which the local runtime and benchmarks run.</li>
 * </ul>
 * Writing an item that carries index keys needs no permission on the index; only a {@code Query} of it does.
 */
final class TableAccess {
    /** Item reads and single-item writes: every function's code reads by key and writes one item per change. */
    static final List<String> ITEM_ACTIONS = List.of(
            "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
            "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem");

    /** The jobs function's: item actions and the rollups' batched writes of parts. */
    static final List<String> JOB_ACTIONS = List.of(
            "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query",
            "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem");

    /** One function's access: the actions on the table and the indexes it queries. */
    record Access(List<String> actions, List<TallyTable.Gsi> indexes) {
        Access {
            actions = List.copyOf(actions);
            indexes = List.copyOf(indexes);
        }
    }

    static final Map<FunctionId, Access> BY_FUNCTION = byFunction();

    private TableAccess() {
    }

    static Access of(FunctionId id) {
        Access access = BY_FUNCTION.get(id);
        if (access == null) {
            throw new IllegalStateException("no table access is stated for " + id + ": add it to TableAccess");
        }
        return access;
    }

    private static Map<FunctionId, Access> byFunction() {
        Map<FunctionId, Access> access = new EnumMap<>(FunctionId.class);
        // GSI1: card pools (allocate) and coupon pools (allocateCoupon, checkout's reward coupons);
        // GSI2/GSI3/GSI4: search by customCardNumber, e-mail, phone (SearchMethod; no name search: GSI5/6 stay out)
        access.put(FunctionId.MERCHANT_API, new Access(ITEM_ACTIONS,
                List.of(TallyTable.GSI1, TallyTable.GSI2, TallyTable.GSI3, TallyTable.GSI4)));
        // the activity log's records, card locations, cards' recorded events, and checkouts finalised by key; GSI3: a card's
        // newest mailing before a checkout (revenue attribution, A133)
        access.put(FunctionId.EVENTS_CONSUMER, new Access(ITEM_ACTIONS, List.of(TallyTable.GSI3)));
        // GSI1: the outbox relay, enrollment's card pool and the brand list (the rollups job); GSI2: enrollments due;
        // GSI4: the expiry sweeper's due index. BatchWriteItem: the rollups' parts (accounting and Explore Data)
        access.put(FunctionId.JOBS, new Access(JOB_ACTIONS, List.of(TallyTable.GSI1, TallyTable.GSI2, TallyTable.GSI4)));
        // GSI1: enrollment's card pool (EnrollmentSteps allocates); GSI3: the member account's cards by e-mail (A82).
        // Not GSI2: the enrollments due are queried by the jobs' completer only (the portal's graph provides it for the
        // jobs; PortalApp never calls it)
        access.put(FunctionId.PORTAL, new Access(ITEM_ACTIONS, List.of(TallyTable.GSI1, TallyTable.GSI3)));
        // portal configurations and the sent-e-mail records by key, a recipient's list choices by a Query of the table (A102);
        // a template message's template, card, newest entries, locations and catalogue by key or a Query of the table
        access.put(FunctionId.EMAIL_SENDER, new Access(ITEM_ACTIONS, List.of()));
        // as the e-mail sender: portal configurations and the per-message claims by key, a phone's list choices (A102); a
        // send's text: its card's mailing (A132), its send request counted (A120-A122, the brand's zone by A34's Query)
        access.put(FunctionId.SMS_SENDER, new Access(ITEM_ACTIONS, List.of()));
        // a chunk's coupons by conditional PutItem, their read-back by BatchGetItem, the load's progress by UpdateItem
        access.put(FunctionId.COUPON_LOADER, new Access(ITEM_ACTIONS, List.of()));
        // customer service searches every index (GSI2-GSI6), staff and API key lists read GSI1, the audit log GSI3
        access.put(FunctionId.BACK_OFFICE, new Access(ITEM_ACTIONS, TallyTable.GSIS));
        // a shard's events by the activity log's Query (the table, A43), the report item by GetItem/UpdateItem (A66-A69); a
        // ready direct mail export's send requests (A120-A122)
        access.put(FunctionId.REPORT_WRITER, new Access(ITEM_ACTIONS, List.of()));
        // GSI1: a brand's handed-out cards, a page a message (A88 over A59); BatchWriteItem: a page's member items (A90)
        access.put(FunctionId.SEGMENT_EVALUATOR, new Access(JOB_ACTIONS, List.of(TallyTable.GSI1)));
        // GSI1: a brand's handed-out cards, a page a message (A88 over A59); the send and its pages by key (A109-A113);
        // on the SMS channel the template (A107), value types (A2), locations (A39), each card with its head (A11b)
        access.put(FunctionId.MAILER, new Access(ITEM_ACTIONS, List.of(TallyTable.GSI1)));
        // delivery events' claims, firsts, counters and bounce marks by key, list choices (A102/A103), a brand's
        // portal and checkout configuration (its zone, A34): no index query
        access.put(FunctionId.DELIVERY_EVENTS, new Access(ITEM_ACTIONS, List.of()));
        return access;
    }
}
