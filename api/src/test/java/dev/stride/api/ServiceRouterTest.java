package dev.stride.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import dev.stride.service.AwsService;
import dev.stride.service.ServiceCall;
import dev.stride.service.ServiceRequest;
import dev.stride.service.ServiceResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceRouterTest {
    /** A REST service owning /v1/, as Batch does. */
    static final AwsService REST = new AwsService() {
        @Override
        public String signingName() { return "batch"; }

        @Override
        public List<String> targetPrefixes() { return List.of(); }

        @Override
        public Set<String> queryActions() { return Set.of(); }

        @Override
        public List<String> restPathPrefixes() { return List.of("/v1/"); }

        @Override
        public ServiceResponse serve(ServiceRequest request) { return null; }

        @Override
        public JsonNode call(ServiceCall call) { return null; }
    };

    final ServiceRouter router = new ServiceRouter(List.of(REST));

    @Test
    void anUnsignedRestRequestReachesTheServiceOwningItsPath() {
        assertThat(router.route(new Headers(), "/v1/submitjob", null, null, null)).isSameAs(REST);
    }

    @Test
    void aSignedRequestIsRoutedByItsScopeNotItsPath() {
        ServiceRouter.Scope states = new ServiceRouter.Scope("test", "us-east-1", "states");
        assertThat(router.route(new Headers(), "/v1/submitjob", null, states, null)).isNull();
        ServiceRouter.Scope batch = new ServiceRouter.Scope("test", "us-east-1", "batch");
        assertThat(router.route(new Headers(), "/anything", null, batch, null)).isSameAs(REST);
    }

    @Test
    void stepFunctionsKeepsItsOwnRequests() {
        Headers h = new Headers();
        h.add("X-Amz-Target", "AWSStepFunctions.ListStateMachines");
        assertThat(router.route(h, "/v1/x", null, null, null)).isNull();
        assertThat(router.route(new Headers(), "/", null, null, null)).isNull();
    }
}
