package dev.stride.examples.hello;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.stride.examples.Checks;
import dev.stride.examples.Example;
import dev.stride.examples.Outcome;
import dev.stride.examples.Plan;
import dev.stride.examples.Session;
import java.util.Map;

/** examples/hello.asl.json, the README's first example: two Pass states and two intrinsic functions, no resources. */
public final class Hello implements Example {
    @Override public String name() { return "hello"; }

    @Override public String summary() { return "Greets whoever the input names and counts the greeting's words: two Pass states, no resources."; }

    @Override public String definition() { return "examples/hello.asl.json"; }

    @Override
    public Plan prepare(Session session) {
        return new Plan(JsonNodeFactory.instance.objectNode().put("name", "World"), Map.of());
    }

    @Override
    public void check(Session session, Outcome outcome, Checks checks) {
        checks.expectEqual("the execution succeeded", "SUCCEEDED", outcome.status());
        if (!outcome.succeeded()) return;
        checks.expectEqual("the greeting names the input's name", "Hello, World!", outcome.output().path("greeting").asText());
        checks.expectEqual("the greeting has two words", 2, outcome.output().path("words").asInt());
    }
}
