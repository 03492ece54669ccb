package dev.sluice.account;

/** The copy-paste snippet printed on first start: a first signed call with Alibaba Cloud's own clients. */
final class FirstCallExample {

    private FirstCallExample() {
    }

    static String render(String endpoint, String port, NewAccount first) {
        long tenant = first.tenant().id();
        String id = first.key().accessKeyId();
        return """

                A first signed call, after `export SLUICE_SECRET=<the AccessKeySecret above>`.
                With Alibaba Cloud's generic Java client (com.aliyun:tea-openapi):

                    var config = new com.aliyun.teaopenapi.models.Config()
                            .setAccessKeyId("%2$s").setAccessKeySecret(System.getenv("SLUICE_SECRET"))
                            .setEndpoint("127.0.0.1:%3$s").setProtocol("http");
                    var client = new com.aliyun.teaopenapi.Client(config);
                    var params = new com.aliyun.teaopenapi.models.Params().setAction("GetMyTenants").setVersion("2023-06-30")
                            .setProtocol("HTTP").setMethod("POST").setAuthType("AK").setStyle("RPC").setPathname("/")
                            .setReqBodyType("formData").setBodyType("json");
                    var request = new com.aliyun.teaopenapi.models.OpenApiRequest()
                            .setQuery(java.util.Map.of("OpTenantId", "%1$d"));
                    System.out.println(client.callApi(params, request, new com.aliyun.teautil.models.RuntimeOptions()));

                Or with the aliyun CLI:

                    aliyun dataphin-public GetMyTenants --force --version 2023-06-30 --OpTenantId %1$d \\
                        --endpoint 127.0.0.1:%3$s --insecure \\
                        --access-key-id %2$s --access-key-secret "$SLUICE_SECRET" --region cn-hangzhou
                """.formatted(tenant, id, port);
    }
}
