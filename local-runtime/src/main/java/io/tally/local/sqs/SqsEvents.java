package io.tally.local.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** Turns received SQS messages into the {@link SQSEvent} Lambda's event source mapping delivers. */
final class SqsEvents {
    private SqsEvents() {
    }

    static SQSEvent of(List<Message> messages, LocalQueue queue) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : messages) {
            records.add(record(message, queue));
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static SQSEvent.SQSMessage record(Message message, LocalQueue queue) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setAttributes(new LinkedHashMap<>(message.attributesAsStrings()));
        record.setMessageAttributes(messageAttributes(message.messageAttributes()));
        record.setMd5OfBody(message.md5OfBody());
        record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(queue.arn());
        record.setAwsRegion(LocalSqs.REGION);
        return record;
    }

    private static Map<String, SQSEvent.MessageAttribute> messageAttributes(Map<String, MessageAttributeValue> values) {
        Map<String, SQSEvent.MessageAttribute> attributes = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
            attribute.setDataType(value.dataType());
            attribute.setStringValue(value.stringValue());
            attribute.setBinaryValue(value.binaryValue() == null ? null : value.binaryValue().asByteBuffer());
            // Lambda sends empty lists rather than leaving them out
            attribute.setStringListValues(new ArrayList<>(value.stringListValues()));
            List<ByteBuffer> binaries = new ArrayList<>();
            for (SdkBytes bytes : value.binaryListValues()) {
                binaries.add(bytes.asByteBuffer());
            }
            attribute.setBinaryListValues(binaries);
            attributes.put(name, attribute);
        });
        return attributes;
    }
}
