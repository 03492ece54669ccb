package dev.sluice.gateway;

import dev.sluice.dispatch.RpcJson;
import dev.sluice.protocol.PopError;
import tools.jackson.databind.node.ObjectNode;

/** The two shapes every answer takes: the success envelope around an operation's data, and the POP error body. */
final class Envelopes {

    private final String hostId;

    Envelopes(String hostId) {
        this.hostId = hostId;
    }

    byte[] success(String requestId, ObjectNode data) {
        ObjectNode body = RpcJson.MAPPER.createObjectNode();
        body.put("RequestId", requestId);
        body.put("Success", true);
        body.put("Code", "OK");
        body.put("Message", "successful");
        body.put("HttpStatusCode", 200);
        body.setAll(data);
        return RpcJson.MAPPER.writeValueAsBytes(body);
    }

    byte[] error(String requestId, PopError error) {
        ObjectNode body = RpcJson.MAPPER.createObjectNode();
        body.put("RequestId", requestId);
        body.put("HostId", hostId);
        body.put("Code", error.code());
        body.put("Message", error.message());
        if (error.recommend() != null) body.put("Recommend", error.recommend());
        body.put("HttpStatusCode", error.httpStatus());
        body.put("Success", false);
        return RpcJson.MAPPER.writeValueAsBytes(body);
    }
}
