package dev.sluice.testsupport;

import java.util.Map;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;

/**
 * Alibaba Cloud's older generic client {@code com.aliyun:aliyun-java-sdk-core} ({@code CommonRequest}), unchanged
 * but for the endpoint: it signs with the classic RPC HMAC-SHA1 signature.
 */
public final class CoreClient {

    private final DefaultAcsClient client;
    private final int port;

    public CoreClient(int port, String accessKeyId, String accessKeySecret) {
        this.port = port;
        this.client = new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou", accessKeyId, accessKeySecret));
    }

    /** The raw JSON body of a successful call; a refused call throws the client's ClientException/ServerException. */
    public CommonResponse call(String action, Map<String, String> query, Map<String, String> body) throws ClientException {
        CommonRequest request = new CommonRequest();
        request.setSysMethod(MethodType.POST);
        request.setSysDomain("127.0.0.1:" + port);
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysVersion("2023-06-30");
        request.setSysAction(action);
        request.setSysAccept(FormatType.JSON);
        query.forEach(request::putQueryParameter);
        body.forEach(request::putBodyParameter);
        return client.getCommonResponse(request);
    }
}
