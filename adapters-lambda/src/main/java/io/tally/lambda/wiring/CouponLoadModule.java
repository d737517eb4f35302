package io.tally.lambda.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Module;
import dagger.Provides;
import io.tally.domain.campaign.CheckoutConfigPort;
import io.tally.domain.coupon.bulk.CouponLoadQueuePort;
import io.tally.domain.coupon.bulk.CouponSetLookup;
import io.tally.domain.coupon.bulk.LoadCouponChunkUseCase;
import io.tally.domain.coupon.bulk.StartCouponLoadUseCase;
import io.tally.domain.shared.RandomSource;
import io.tally.dynamo.store.DynamoStorage;
import io.tally.lambda.coupons.CouponLoadConsumer;
import io.tally.lambda.coupons.LoadChunkJson;
import io.tally.lambda.coupons.SqsCouponLoadQueue;
import java.time.Clock;
import javax.inject.Singleton;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Wiring of the coupon bulk load (issue 11): the operator's side (start a load, read its progress) and the coupon
 * loader's (one chunk at a time from the coupon-load queue). The queue's URL is needed only when a load is started, so
 * every other container builds this graph without it.
 */
@Module
final class CouponLoadModule {
    private CouponLoadModule() {
    }

    @Provides
    @Singleton
    static LoadChunkJson loadChunkJson(ObjectMapper json) {
        return new LoadChunkJson(json);
    }

    @Provides
    @Singleton
    static CouponLoadQueuePort couponLoadQueue(SqsClient sqs, Settings settings, LoadChunkJson json) {
        return chunks -> new SqsCouponLoadQueue(sqs, settings.requireCouponLoadsQueueUrl(), json).send(chunks);
    }

    @Provides
    @Singleton
    static CouponSetLookup couponSets(CheckoutConfigPort configs) {
        return (brand, set) -> configs.load(brand).couponSet(set);
    }

    @Provides
    @Singleton
    static StartCouponLoadUseCase startCouponLoad(DynamoStorage storage, CouponLoadQueuePort queue,
                                                  CouponSetLookup sets, RandomSource random, Clock clock) {
        return new StartCouponLoadUseCase(storage.couponLoads(), queue, sets, random, clock);
    }

    @Provides
    @Singleton
    static CouponLoadConsumer couponLoadConsumer(DynamoStorage storage, LoadChunkJson json, Clock clock) {
        return new CouponLoadConsumer(new LoadCouponChunkUseCase(storage.couponLoads(), storage.coupons(), clock), json,
                System.out);
    }
}
