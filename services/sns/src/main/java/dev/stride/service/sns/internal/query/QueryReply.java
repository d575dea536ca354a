package dev.stride.service.sns.internal.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.Xml;
import java.util.Map;
import java.util.Set;

/**
 * Writes an action's JSON result as the query protocol's XML reply: {@code <ActionResponse>}
 * holding {@code <ActionResult>}, lists wrapped in {@code <member>}, the {@code Attributes} maps
 * as {@code <entry><key/><value/></entry>}.
 */
public final class QueryReply {
    public static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    /**
     * Actions whose modelled output is an empty structure rather than none: AWS writes their
     * {@code <ActionResult/>} even when empty, and the aws CLI (botocore) fails with a KeyError
     * on {@code 'TagResourceResult'} when it is missing. Actions with no output (DeleteTopic,
     * Unsubscribe, ...) have no result element.
     */
    private static final Set<String> EMPTY_RESULT_WRITTEN = Set.of("TagResource", "UntagResource", "SetSMSAttributes",
            "OptInPhoneNumber", "CreateSMSSandboxPhoneNumber", "DeleteSMSSandboxPhoneNumber", "VerifySMSSandboxPhoneNumber");

    private QueryReply() {}

    public static byte[] write(String action, JsonNode result, String requestId) {
        Xml x = Xml.response(action + "Response", NAMESPACE);
        if ((result == null || result.isEmpty()) && EMPTY_RESULT_WRITTEN.contains(action)) {
            x.open(action + "Result");
            x.close();
        } else if (result != null && !result.isEmpty()) {
            x.open(action + "Result");
            fields(x, result);
            x.close();
        }
        return x.endResponse(requestId);
    }

    private static void fields(Xml x, JsonNode object) {
        for (Map.Entry<String, JsonNode> field : object.properties()) value(x, field.getKey(), field.getValue());
    }

    private static void value(Xml x, String name, JsonNode v) {
        if (v.isNull()) return;
        if (v.isArray()) {
            x.open(name);
            for (JsonNode element : v) value(x, "member", element);
            x.close();
        } else if (v.isObject() && name.equals("Attributes")) {
            x.open(name);
            v.properties().forEach(e -> x.open("entry").text("key", e.getKey()).text("value", e.getValue().asText()).close());
            x.close();
        } else if (v.isObject()) {
            x.open(name);
            fields(x, v);
            x.close();
        } else {
            x.text(name, v.asText());
        }
    }
}
