package dev.stride.service.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.internal.MessageMD5ChecksumInterceptor;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.utils.BinaryUtils;
import software.amazon.awssdk.utils.Md5Utils;

/** Our MD5s against the AWS SDK v2's own computation, the one it verifies every send and receive with. */
class MessageAttributeMd5Test {
    private final Sqs sqs = new Sqs();

    @AfterEach
    void close() { sqs.close(); }

    @SuppressWarnings("unchecked")
    private static String sdkMd5(Map<String, MessageAttributeValue> attributes) throws Exception {
        Method m = MessageMD5ChecksumInterceptor.class.getDeclaredMethod("calculateMessageAttributesMd5", Map.class);
        m.setAccessible(true);
        return (String) m.invoke(null, attributes);
    }

    @Test
    void message_attribute_md5_matches_the_sdk_for_strings_numbers_binaries_and_custom_types() throws Exception {
        String url = sqs.createQueue("md5");
        JsonNode sent = sqs.call("SendMessage", "{'QueueUrl':'" + url + "','MessageBody':'héllo ✓','MessageAttributes':{"
                + "'zeta':{'DataType':'String','StringValue':'last ünïcode'},"
                + "'alpha':{'DataType':'Number.float','StringValue':'3.14'},"
                + "'blob':{'DataType':'Binary','BinaryValue':'AAECAwQ='}}}");
        String expected = sdkMd5(Map.of(
                "zeta", MessageAttributeValue.builder().dataType("String").stringValue("last ünïcode").build(),
                "alpha", MessageAttributeValue.builder().dataType("Number.float").stringValue("3.14").build(),
                "blob", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromByteArray(new byte[] {0, 1, 2, 3, 4})).build()));
        assertThat(sent.get("MD5OfMessageAttributes").asText()).isEqualTo(expected);
        assertThat(sent.get("MD5OfMessageBody").asText()).isEqualTo(BinaryUtils.toHex(Md5Utils.computeMD5Hash("héllo ✓".getBytes(StandardCharsets.UTF_8))));

        JsonNode received = sqs.receive(url, 1).get(0);
        assertThat(received.get("MD5OfMessageAttributes").asText()).isEqualTo(expected);
        JsonNode onlyZeta = sqs.call("ReceiveMessage", "{'QueueUrl':'" + url + "','MessageAttributeNames':['zeta'],'VisibilityTimeout':0}");
        sqs.advanceSeconds(30);
        JsonNode again = sqs.call("ReceiveMessage", "{'QueueUrl':'" + url + "','MessageAttributeNames':['zeta']}").at("/Messages/0");
        assertThat(onlyZeta.isObject()).isTrue();
        assertThat(again.get("MD5OfMessageAttributes").asText())
                .isEqualTo(sdkMd5(Map.of("zeta", MessageAttributeValue.builder().dataType("String").stringValue("last ünïcode").build())));
    }

    @Test
    void the_trace_header_gets_its_own_system_attribute_md5() throws Exception {
        String url = sqs.createQueue("trace");
        JsonNode sent = sqs.call("SendMessage", "{'QueueUrl':'" + url + "','MessageBody':'x','MessageSystemAttributes':{"
                + "'AWSTraceHeader':{'DataType':'String','StringValue':'Root=1-5759e988-bd862e3fe1be46a994272793'}}}");
        assertThat(sent.get("MD5OfMessageSystemAttributes").asText()).isEqualTo(sdkMd5(Map.of("AWSTraceHeader",
                MessageAttributeValue.builder().dataType("String").stringValue("Root=1-5759e988-bd862e3fe1be46a994272793").build())));
    }
}
