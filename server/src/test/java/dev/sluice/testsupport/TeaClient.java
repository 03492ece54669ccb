package dev.sluice.testsupport;

import java.util.HashMap;
import java.util.Map;

import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;

/**
 * Alibaba Cloud's generic client {@code com.aliyun:tea-openapi}, unchanged but for the endpoint: it signs with
 * ACS3-HMAC-SHA256 and sends struct/list parameters as JSON strings in the form body.
 */
public final class TeaClient {

    private final Client client;

    public TeaClient(int port, String accessKeyId, String accessKeySecret) {
        try {
            this.client = new Client(new Config().setAccessKeyId(accessKeyId).setAccessKeySecret(accessKeySecret)
                    .setEndpoint("127.0.0.1:" + port).setProtocol("http").setRegionId("cn-hangzhou"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The response body of a successful call; a refused call throws the client's own {@link TeaException}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> call(String action, Map<String, String> query, Map<String, String> body) {
        Params params = new Params().setAction(action).setVersion("2023-06-30").setProtocol("HTTP").setMethod("POST")
                .setAuthType("AK").setStyle("RPC").setPathname("/").setReqBodyType("formData").setBodyType("json");
        OpenApiRequest request = new OpenApiRequest().setQuery(new HashMap<>(query)).setBody(new HashMap<>(body));
        try {
            Map<String, ?> response = client.callApi(params, request, new RuntimeOptions());
            return (Map<String, Object>) response.get("body");
        } catch (TeaException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
