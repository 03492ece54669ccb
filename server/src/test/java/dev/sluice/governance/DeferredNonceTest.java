package dev.sluice.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import dev.sluice.protocol.PopErrors;

/**
 * Cluster mode leaves the nonce to the counters' one Redis round trip. A call refused before it gets there must still
 * spend its nonce, or a refused request could be replayed later (after a policy change, say) and be executed.
 */
class DeferredNonceTest {

    final Set<String> recorded = new HashSet<>();
    final Predicate<NonceClaim> registry = claim -> recorded.add(claim.accessKeyId() + "/" + claim.nonce());

    AdmissionStep authenticate(String nonce) {
        return new AdmissionStep() {
            @Override
            public Verdict check(Call call) {
                call.deferNonce(new NonceClaim(1, "cn-hangzhou", "LTAI1", nonce, Duration.ofMinutes(30)), registry, this);
                return Verdict.pass();
            }

            @Override
            public String name() {
                return "Authenticate";
            }
        };
    }

    final AdmissionStep policyRefuses = call -> Verdict.deny(PopErrors.accessKeyDisabled("LTAI1"));

    final AdmissionStep countersRecordIt = call -> {
        call.nonceRecorded();
        return Verdict.pass();
    };

    static Call call() {
        return new Call("req", Instant.now(), null, null);
    }

    @Test
    void aCallRefusedBeforeTheCountersSpendsItsNonceAndItsReplayIsRefusedAsOne() {
        AdmissionChain chain = AdmissionChain.of(authenticate("n-1"), policyRefuses);
        AdmissionChain.Outcome first = chain.admit(call());
        assertThat(first.verdict().error().code()).isEqualTo(PopErrors.accessKeyDisabled("LTAI1").code());
        assertThat(recorded).containsExactly("LTAI1/n-1");

        AdmissionChain.Outcome replay = chain.admit(call());
        assertThat(replay.verdict().error().code()).isEqualTo("SignatureNonceUsed");
        assertThat(replay.deciding().name()).isEqualTo("Authenticate");
    }

    @Test
    void aNonceTheCountersRecordedIsNotRecordedAgain() {
        AdmissionChain chain = AdmissionChain.of(authenticate("n-2"), countersRecordIt, policyRefuses);
        chain.admit(call());
        assertThat(recorded).isEmpty();
    }

    @Test
    void aDeferredNonceIsCountedInItsKeysBudgetOnlyWhenItWasNew() {
        List<String> counted = new ArrayList<>();
        AdmissionStep authenticate = new AdmissionStep() {
            @Override
            public Verdict check(Call call) {
                NonceClaim nonce = new NonceClaim(1, "cn-hangzhou", "LTAI1", call.requestId(), Duration.ofMinutes(30));
                call.deferNonce(nonce, registry, this, () -> counted.add(nonce.nonce()));
                return Verdict.pass();
            }
        };
        AdmissionChain refusedBeforeCounters = AdmissionChain.of(authenticate, policyRefuses);
        refusedBeforeCounters.admit(new Call("n-4", Instant.now(), null, null));
        refusedBeforeCounters.admit(new Call("n-4", Instant.now(), null, null)); // a replay: stored nothing
        AdmissionChain.of(authenticate, call -> {
            call.nonceFirstUsed(); // the counters' script stored it as new
            return Verdict.pass();
        }).admit(new Call("n-5", Instant.now(), null, null));
        AdmissionChain.of(authenticate, countersRecordIt).admit(new Call("n-6", Instant.now(), null, null)); // found replayed
        assertThat(counted).containsExactly("n-4", "n-5");
    }

    @Test
    void anAdmittedCallLeavesNothingToRecord() {
        AdmissionChain chain = AdmissionChain.of(authenticate("n-3"), countersRecordIt);
        assertThat(chain.admit(call()).admitted()).isTrue();
        assertThat(recorded).isEmpty();
    }
}
