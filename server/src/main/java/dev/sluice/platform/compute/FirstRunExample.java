package dev.sluice.platform.compute;

import dev.sluice.account.FirstStartContribution.FirstAccount;

/** The copy-paste snippet printed on first start after the first call: a first SQL run in the first project. */
final class FirstRunExample {

    private FirstRunExample() {
    }

    static String render(FirstAccount first, long projectId) {
        return """

                A first SQL run, on the compute source Sluice manages, in the first project (same key and SLUICE_SECRET):

                    aliyun dataphin-public ExecuteAdHocTask --force --version 2023-06-30 --OpTenantId %1$d \\
                        --ExecuteCommand '{"ProjectId":%4$d,"Code":"select 42 as answer","OperatorType":"SQL"}' \\
                        --endpoint 127.0.0.1:%3$s --insecure \\
                        --access-key-id %2$s --access-key-secret "$SLUICE_SECRET" --region cn-hangzhou

                It answers a TaskId; GetAdHocTaskResult with --ProjectId %4$d --TaskId <it> --SubTaskId 0 shows the result.
                With tea-openapi, in the first call's example set the action to "ExecuteAdHocTask" and the request to
                    new com.aliyun.teaopenapi.models.OpenApiRequest().setQuery(java.util.Map.of("OpTenantId", "%1$d"))
                            .setBody(java.util.Map.of("ExecuteCommand", "{\\"ProjectId\\":%4$d,\\"Code\\":\\"select 42 as answer\\",\\"OperatorType\\":\\"SQL\\"}"))
                """.formatted(first.tenantId(), first.accessKeyId(), first.port(), projectId);
    }
}
