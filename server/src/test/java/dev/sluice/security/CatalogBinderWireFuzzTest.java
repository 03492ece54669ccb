package dev.sluice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.catalog.Catalog;
import dev.sluice.catalog.Operation;
import dev.sluice.dispatch.Dispatcher;
import dev.sluice.platform.PlatformTenant;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.SluiceServerTest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * The binder fuzz end to end: generated parameters for a random implemented operation, sent as a real signed call of
 * a tenant's super administrator (mostly with its own OpTenantId, so calls get past the binder into the handlers).
 * No answer is a 5xx, and every refusal is the JSON envelope with a code.
 */
@SluiceServerTest
class CatalogBinderWireFuzzTest {

    private static final int CALLS = 1_000;
    /** Names the client itself sets; a generated value for them would only break the signature. */
    private static final Set<String> PROTOCOL = Set.of("Action", "Version", "Format", "Signature", "SignatureMethod", "SignatureVersion",
            "SignatureNonce", "Timestamp", "AccessKeyId", "SecurityToken");

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    Catalog catalog;

    @Autowired
    Dispatcher dispatcher;

    @Test
    void randomCallsOfImplementedOperationsNeverFailOnTheServer() {
        PlatformTenant tenant = PlatformTenant.create(admin, port);
        WireValues values = new WireValues(20_000, 25);
        List<Operation> implemented = catalog.all().stream().filter(op -> dispatcher.handles(op.action())).toList();
        Arbitrary<String> opTenantId = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just(String.valueOf(tenant.tenantId()))),
                net.jqwik.api.Tuple.of(1, values.numberText()),
                net.jqwik.api.Tuple.of(1, values.text()));
        Arbitrary<Probe> probes = Arbitraries.of(implemented).flatMap(op -> Combinators.combine(values.parameters(op), opTenantId)
                .as((params, tenantId) -> new Probe(op, params, tenantId))).withoutEdgeCases();

        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        probes.sampleStream().limit(CALLS).forEach(probe -> {
            RawClient.Call call = tenant.owner.call(probe.operation().action());
            probe.parameters().forEach((name, value) -> {
                if (!PROTOCOL.contains(name)) call.param(name, value);
            });
            if (probe.parameters().containsKey("OpTenantId")) call.param("OpTenantId", probe.opTenantId());
            RawClient.Response answer = call.send();
            statuses.merge(answer.status(), 1, Integer::sum);
            boolean enveloped = answer.ok() || (!answer.code().isEmpty() && !answer.body().path("RequestId").asString().isEmpty());
            if (answer.status() >= 500 || !enveloped) failures.add(probe + " -> " + answer.status() + " " + answer.body());
        });
        System.out.printf("Binder wire fuzz: %d signed calls of %d operations, answers by status %s%n", CALLS, implemented.size(), statuses);
        assertThat(failures).as("calls answered with a server error or without the envelope").isEmpty();
    }

    private record Probe(Operation operation, Map<String, String> parameters, String opTenantId) {

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(operation.action()).append(" {");
            parameters.forEach((name, value) -> text.append(name).append('=')
                    .append(value.length() > 200 ? value.substring(0, 200) + "...(" + value.length() + " chars)" : value).append(", "));
            return text.append("OpTenantId=").append(opTenantId).append('}').toString();
        }
    }
}
