package dev.stride.service.sns.internal.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceException;
import dev.stride.service.sns.internal.MessageAttribute;
import dev.stride.service.sns.internal.MessageAttributes;
import dev.stride.service.sns.internal.filter.FilterPolicy.Scope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterPolicyTest {
    /** policy, attributes ("name=Type:value;..."), expected match. */
    static Stream<Arguments> attributePolicies() {
        return Stream.of(
                Arguments.of("{\"color\":[\"red\"]}", "color=String:red", true),
                Arguments.of("{\"color\":[\"red\"]}", "color=String:blue", false),
                Arguments.of("{\"color\":[\"red\"]}", "", false),
                Arguments.of("{\"color\":[\"red\",\"blue\"]}", "color=String:blue", true),
                Arguments.of("{\"price\":[100]}", "price=Number:100.0", true),
                Arguments.of("{\"price\":[100]}", "price=String:100", false),
                Arguments.of("{\"color\":[{\"prefix\":\"re\"}]}", "color=String:red", true),
                Arguments.of("{\"color\":[{\"prefix\":\"re\"}]}", "color=String:ore", false),
                Arguments.of("{\"file\":[{\"suffix\":\".png\"}]}", "file=String:a.png", true),
                Arguments.of("{\"file\":[{\"suffix\":\".png\"}]}", "file=String:a.jpg", false),
                Arguments.of("{\"color\":[{\"anything-but\":\"red\"}]}", "color=String:blue", true),
                Arguments.of("{\"color\":[{\"anything-but\":\"red\"}]}", "color=String:red", false),
                Arguments.of("{\"color\":[{\"anything-but\":\"red\"}]}", "", false),
                Arguments.of("{\"color\":[{\"anything-but\":[\"red\",\"blue\"]}]}", "color=String:blue", false),
                Arguments.of("{\"color\":[{\"anything-but\":{\"prefix\":\"re\"}}]}", "color=String:blue", true),
                Arguments.of("{\"color\":[{\"anything-but\":{\"prefix\":\"re\"}}]}", "color=String:red", false),
                Arguments.of("{\"price\":[{\"anything-but\":[100, 200]}]}", "price=Number:150", true),
                Arguments.of("{\"price\":[{\"anything-but\":[100, 200]}]}", "price=Number:200", false),
                Arguments.of("{\"price\":[{\"numeric\":[\">\",0,\"<=\",150]}]}", "price=Number:150", true),
                Arguments.of("{\"price\":[{\"numeric\":[\">\",0,\"<=\",150]}]}", "price=Number:0", false),
                Arguments.of("{\"price\":[{\"numeric\":[\">\",0,\"<=\",150]}]}", "price=Number:151", false),
                Arguments.of("{\"price\":[{\"numeric\":[\"=\",3.5]}]}", "price=Number:3.5", true),
                Arguments.of("{\"price\":[{\"numeric\":[\">=\",10]}]}", "price=String:20", false),
                Arguments.of("{\"store\":[{\"exists\":true}]}", "store=String:x", true),
                Arguments.of("{\"store\":[{\"exists\":true}]}", "", false),
                Arguments.of("{\"store\":[{\"exists\":false}]}", "", true),
                Arguments.of("{\"store\":[{\"exists\":false}]}", "store=String:x", false),
                Arguments.of("{\"name\":[{\"equals-ignore-case\":\"ALICE\"}]}", "name=String:alice", true),
                Arguments.of("{\"name\":[{\"equals-ignore-case\":\"ALICE\"}]}", "name=String:bob", false),
                Arguments.of("{\"ip\":[{\"cidr\":\"10.0.0.0/24\"}]}", "ip=String:10.0.0.255", true),
                Arguments.of("{\"ip\":[{\"cidr\":\"10.0.0.0/24\"}]}", "ip=String:10.0.1.1", false),
                Arguments.of("{\"ip\":[{\"cidr\":\"2001:db8::/32\"}]}", "ip=String:2001:db8::1", true),
                Arguments.of("{\"tags\":[\"b\"]}", "tags=String.Array:[\"a\",\"b\"]", true),
                Arguments.of("{\"tags\":[\"c\"]}", "tags=String.Array:[\"a\",\"b\"]", false),
                Arguments.of("{\"color\":[\"red\"],\"size\":[\"L\"]}", "color=String:red;size=String:M", false),
                Arguments.of("{\"color\":[\"red\"],\"size\":[\"L\"]}", "color=String:red;size=String:L", true),
                Arguments.of("{\"$or\":[{\"color\":[\"red\"]},{\"size\":[\"L\"]}]}", "size=String:L", true),
                Arguments.of("{\"$or\":[{\"color\":[\"red\"]},{\"size\":[\"L\"]}]}", "size=String:M", false),
                Arguments.of("{\"kind\":[\"a\"],\"$or\":[{\"color\":[\"red\"]},{\"size\":[\"L\"]}]}", "kind=String:a;color=String:red", true),
                Arguments.of("{\"kind\":[\"a\"],\"$or\":[{\"color\":[\"red\"]},{\"size\":[\"L\"]}]}", "kind=String:b;color=String:red", false),
                Arguments.of("{}", "", true));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("attributePolicies")
    void attribute_policies_match_as_in_AWS(String policy, String attributes, boolean expected) {
        FilterPolicy p = FilterPolicy.compile(policy, Scope.MESSAGE_ATTRIBUTES);
        assertThat(p.matches(MessageAttributes.forFilter(attributes(attributes)), null)).isEqualTo(expected);
    }

    static Stream<Arguments> bodyPolicies() {
        return Stream.of(
                Arguments.of("{\"order\":{\"status\":[\"paid\"]}}", "{\"order\":{\"status\":\"paid\"}}", true),
                Arguments.of("{\"order\":{\"status\":[\"paid\"]}}", "{\"order\":{\"status\":\"new\"}}", false),
                Arguments.of("{\"order\":{\"status\":[\"paid\"]}}", "{\"status\":\"paid\"}", false),
                Arguments.of("{\"order\":{\"total\":[{\"numeric\":[\">\",100]}]}}", "{\"order\":{\"total\":150}}", true),
                Arguments.of("{\"items\":{\"sku\":[\"b\"]}}", "{\"items\":[{\"sku\":\"a\"},{\"sku\":\"b\"}]}", true),
                Arguments.of("{\"tags\":[\"x\"]}", "{\"tags\":[\"y\",\"x\"]}", true),
                Arguments.of("{\"flag\":[true]}", "{\"flag\":true}", true),
                Arguments.of("{\"gone\":[null]}", "{\"gone\":null}", true),
                Arguments.of("{\"gone\":[{\"exists\":false}]}", "{\"other\":1}", true),
                Arguments.of("{\"a\":[\"1\"]}", "not json", false),
                Arguments.of("{\"$or\":[{\"a\":[\"x\"]},{\"b\":{\"c\":[\"y\"]}}]}", "{\"b\":{\"c\":\"y\"}}", true));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("bodyPolicies")
    void body_policies_match_nested_keys(String policy, String body, boolean expected) throws Exception {
        FilterPolicy p = FilterPolicy.compile(policy, Scope.MESSAGE_BODY);
        JsonNode parsed;
        try {
            parsed = JsonProtocol.MAPPER.readTree(body);
        } catch (Exception notJson) {
            parsed = null;
        }
        assertThat(p.matches(Map.of(), parsed)).isEqualTo(expected);
    }

    static Stream<Arguments> badPolicies() {
        return Stream.of(
                Arguments.of("{\"a\":", "Invalid parameter: FilterPolicy: failed to parse JSON."),
                Arguments.of("{\"a\":[]}", "Invalid parameter: FilterPolicy: Empty arrays are not allowed"),
                Arguments.of("{\"a\":\"x\"}", "Invalid parameter: FilterPolicy: \"a\" must be an object or an array"),
                Arguments.of("{\"a\":[{\"wat\":1}]}", "Invalid parameter: FilterPolicy: Unrecognized match type wat"),
                Arguments.of("{\"a\":[{\"prefix\":1}]}", "Invalid parameter: FilterPolicy: prefix match pattern must be a string"),
                Arguments.of("{\"a\":[{\"exists\":\"yes\"}]}", "Invalid parameter: FilterPolicy: exists match pattern must be either true or false."),
                Arguments.of("{\"a\":[{\"numeric\":[\">\",\"x\"]}]}", "Invalid parameter: FilterPolicy: Value of > must be numeric"),
                Arguments.of("{\"a\":[{\"numeric\":[\"~\",1]}]}", "Invalid parameter: FilterPolicy: Unrecognized numeric range operator: ~"),
                Arguments.of("{\"a\":[{\"cidr\":\"10.0.0.0\"}]}", "Invalid parameter: FilterPolicy: Malformed CIDR, one '/' required"),
                Arguments.of("{\"a\":[[1]]}", "Invalid parameter: FilterPolicy: Match value must be String, number, true, false, or null"),
                Arguments.of("{\"a\":[1],\"b\":[1],\"c\":[1],\"d\":[1],\"e\":[1],\"f\":[1]}", "Invalid parameter: FilterPolicy: Filter policy can not have more than 5 keys"),
                Arguments.of("{\"a\":{\"b\":[1]}}", "Invalid parameter: FilterPolicy: Filter policy scope MessageAttributes does not support nested filter policy"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPolicies")
    void bad_policies_are_rejected_with_AWS_messages(String policy, String message) {
        assertThatThrownBy(() -> FilterPolicy.compile(policy, Scope.MESSAGE_ATTRIBUTES))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidParameter");
                    assertThat(e.getMessage()).startsWith(message);
                });
    }

    @Test
    void a_policy_of_too_many_combinations_is_too_complex() {
        String values = "[1,2,3,4,5,6]";
        String policy = "{\"a\":" + values + ",\"b\":" + values + ",\"c\":" + values + "}";
        assertThatThrownBy(() -> FilterPolicy.compile(policy, Scope.MESSAGE_ATTRIBUTES)).hasMessage("Invalid parameter: FilterPolicy: Filter policy is too complex");
    }

    private static Map<String, MessageAttribute> attributes(String spec) {
        Map<String, MessageAttribute> out = new LinkedHashMap<>();
        if (spec.isEmpty()) return out;
        for (String one : spec.split(";")) {
            String[] nv = one.split("=", 2);
            String[] tv = nv[1].split(":", 2);
            out.put(nv[0], new MessageAttribute(tv[0], tv[1], null));
        }
        return out;
    }
}
