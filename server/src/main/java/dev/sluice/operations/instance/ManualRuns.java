package dev.sluice.operations.instance;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.sluice.dispatch.RpcJson;
import tools.jackson.core.type.TypeReference;

/** The parameters a manual run carries, stored as JSON on its instances. */
final class ManualRuns {

    private ManualRuns() {
    }

    static String writeParams(Map<String, String> params) {
        return params.isEmpty() ? null : RpcJson.MAPPER.writeValueAsString(params);
    }

    static Map<String, String> readParams(String json) {
        return new LinkedHashMap<>(RpcJson.MAPPER.readValue(json, new TypeReference<Map<String, String>>() {
        }));
    }
}
