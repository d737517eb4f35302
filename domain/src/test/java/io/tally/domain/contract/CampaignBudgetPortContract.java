package io.tally.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tally.domain.campaign.CampaignBudgetPort;
import io.tally.domain.campaign.CampaignId;
import io.tally.domain.tenant.BrandId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every {@link CampaignBudgetPort} must do. Subclass it per implementation (in-memory fake, DynamoDB adapter). */
public abstract class CampaignBudgetPortContract {
    protected abstract CampaignBudgetPort port();

    private final BrandId brand = ContractData.freshBrand();
    private final CampaignId campaign = new CampaignId("first-ten");

    @Test
    void fifty_concurrent_checkouts_get_exactly_the_ten_slots_there_are() throws Exception {
        List<Boolean> answers = race(50, i -> port().take(brand, campaign, "checkout-" + i, 10));

        assertEquals(10, answers.stream().filter(b -> b).count(), answers.toString());
        assertTrue(port().taken(brand, campaign) >= 10);
    }

    @Test
    void a_retry_is_answered_from_the_first_take_and_takes_no_second_slot() {
        assertTrue(port().take(brand, campaign, "checkout-1", 1));
        assertTrue(port().take(brand, campaign, "checkout-1", 1), "the retry keeps its slot");
        assertEquals(1, port().taken(brand, campaign));
        assertFalse(port().take(brand, campaign, "checkout-2", 1));
        assertFalse(port().take(brand, campaign, "checkout-2", 1), "a refused retry stays refused");
        assertTrue(port().take(brand, campaign, "checkout-1", 1));
        assertEquals(2, port().taken(brand, campaign));
    }

    @Test
    void concurrent_duplicates_of_one_checkout_all_get_its_one_answer() throws Exception {
        int callers = 20;
        List<Boolean> answers = race(callers, i -> port().take(brand, campaign, "the-checkout", 100));

        assertTrue(answers.stream().allMatch(b -> b), answers.toString());
        long taken = port().taken(brand, campaign);
        assertTrue(taken >= 1 && taken <= callers, "a duplicate racing the first take may waste a slot: " + taken);
        assertTrue(port().take(brand, campaign, "the-checkout", 100));
        assertEquals(taken, port().taken(brand, campaign), "a retry after the race takes none");
    }

    @Test
    void budgets_are_per_campaign_and_brand() {
        BrandId other = ContractData.freshBrand();
        CampaignId second = new CampaignId("second");
        assertEquals(0, port().taken(brand, campaign));

        assertTrue(port().take(brand, campaign, "k", 1));
        assertTrue(port().take(brand, second, "k", 1));
        assertTrue(port().take(other, campaign, "k", 1));
        assertFalse(port().take(brand, campaign, "k2", 1));
        assertEquals(2, port().taken(brand, campaign));
        assertEquals(1, port().taken(brand, second));
        assertEquals(1, port().taken(other, campaign));
    }

    private interface Take {
        boolean take(int caller) throws Exception;
    }

    private static List<Boolean> race(int callers, Take take) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> futures = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            int caller = i;
            Callable<Boolean> call = () -> {
                go.await();
                return take.take(caller);
            };
            futures.add(threads.submit(call));
        }
        go.countDown();
        List<Boolean> answers = new ArrayList<>();
        for (Future<Boolean> f : futures) {
            answers.add(f.get(60, TimeUnit.SECONDS));
        }
        threads.shutdown();
        return answers;
    }
}
