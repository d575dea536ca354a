package dev.stride.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.stride.expr.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code stride.yaml} (or {@code .json}): the Task integrations, and which of the server's
 * services pass through to a real AWS endpoint:
 * <pre>
 * functions:                  # by name, name:alias, or function ARN
 *   orders:   {http: http://localhost:9000/2015-03-31/functions/function/invocations}
 *   resize:   {command: [python3, resize.py], env: {MODE: fast}, dir: ./fn}
 *   greeter:  {class: com.example.Greeter}
 * connections:                # by EventBridge connection ARN, for http:invoke
 *   arn:aws:events:us-east-1:123456789012:connection/api/1:
 *     apiKey: {name: x-api-key, value: ${API_KEY}}     # or basic: {username, password}
 *     headers: {X-Team: core}                          # or oauth: {tokenUrl, clientId, clientSecret, scopes}
 *     queryParameters: {tenant: a}
 * stateMachines:              # for states:startExecution: name or ARN -> definition file
 *   Child: child.asl.json
 * services:                   # by the service's name (sqs, sns, ...); stride server rejects others
 *   sqs:
 *     passThrough:            # its requests and Task calls go to this endpoint instead ({@link PassThrough})
 *       endpoint: https://sqs.eu-west-1.amazonaws.com   # optional: AWS's regional endpoint for the region
 *       region: eu-west-1                               # required
 *       accessKeyId: ${AWS_ACCESS_KEY_ID}               # optional, with secretAccessKey: else the
 *       secretAccessKey: ${AWS_SECRET_ACCESS_KEY}       #   AWS SDK's default credentials chain
 *       sessionToken: ${AWS_SESSION_TOKEN:-}            # optional; empty means none
 * </pre>
 * {@code ${NAME}} in any string is replaced by the environment variable NAME, {@code ${NAME:-text}}
 * by its value or, when it is unset, by {@code text}. Relative paths are resolved against the config
 * file's folder. A {@code passThrough} field Stride does not know is an error, lest a misspelt key
 * silently sign with other credentials.
 *
 * @param passThrough the services sent to a remote endpoint, by service name
 */
public record StrideConfig(Map<String, FunctionSpec> functions, Map<String, Connection> connections,
                           Map<String, Path> stateMachines, Map<String, PassThrough> passThrough) {
    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private static final Set<String> PASS_THROUGH_FIELDS = Set.of("endpoint", "region", "accessKeyId", "secretAccessKey", "sessionToken");

    public StrideConfig {
        functions = Map.copyOf(functions);
        connections = Map.copyOf(connections);
        stateMachines = Map.copyOf(stateMachines);
        passThrough = Map.copyOf(passThrough);
    }

    public StrideConfig(Map<String, FunctionSpec> functions, Map<String, Connection> connections, Map<String, Path> stateMachines) {
        this(functions, connections, stateMachines, Map.of());
    }

    public static StrideConfig empty() { return new StrideConfig(Map.of(), Map.of(), Map.of(), Map.of()); }

    /** Reads a YAML or JSON config file; a problem is reported with the file and the field's path. */
    public static StrideConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        Path base = file.toAbsolutePath().getParent();
        try {
            return parse(text, base, System::getenv);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses config text; {@code env} supplies ${NAME} values. */
    public static StrideConfig parse(String text, Path base, UnaryOperator<String> env) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid YAML or JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || root.isNull() || root.isMissingNode()) return empty();
        Reader r = new Reader(base, env);
        r.object(root, "");
        return new StrideConfig(r.functions(root.get("functions")), r.connections(root.get("connections")),
                r.stateMachines(root.get("stateMachines")), r.services(root.get("services")));
    }

    private record Reader(Path base, UnaryOperator<String> env) {
        Map<String, FunctionSpec> functions(JsonNode node) {
            Map<String, FunctionSpec> out = new LinkedHashMap<>();
            if (node == null || node.isNull()) return out;
            object(node, "functions");
            node.fields().forEachRemaining(e -> out.put(e.getKey(), function(e.getValue(), "functions." + e.getKey())));
            return out;
        }

        FunctionSpec function(JsonNode n, String at) {
            object(n, at);
            int kinds = (n.has("http") ? 1 : 0) + (n.has("command") ? 1 : 0) + (n.has("class") ? 1 : 0);
            if (kinds != 1) throw new IllegalArgumentException(at + ": give exactly one of http, command, class");
            if (n.has("http")) return new FunctionSpec.Http(URI.create(text(n.get("http"), at + ".http")));
            if (n.has("class")) return new FunctionSpec.JavaClass(text(n.get("class"), at + ".class"));
            JsonNode cmd = n.get("command");
            List<String> argv = new ArrayList<>();
            if (cmd.isTextual()) argv.addAll(List.of("sh", "-c", text(cmd, at + ".command")));
            else if (cmd.isArray() && !cmd.isEmpty()) for (int i = 0; i < cmd.size(); i++) argv.add(text(cmd.get(i), at + ".command[" + i + "]"));
            else throw new IllegalArgumentException(at + ".command: expected a list of arguments or a shell command line");
            Path dir = n.has("dir") ? base.resolve(text(n.get("dir"), at + ".dir")) : base;
            return new FunctionSpec.Command(argv, strings(n.get("env"), at + ".env"), dir);
        }

        Map<String, Connection> connections(JsonNode node) {
            Map<String, Connection> out = new LinkedHashMap<>();
            if (node == null || node.isNull()) return out;
            object(node, "connections");
            node.fields().forEachRemaining(e -> out.put(e.getKey(), connection(e.getValue(), "connections." + e.getKey())));
            return out;
        }

        Connection connection(JsonNode n, String at) {
            object(n, at);
            int kinds = (n.has("apiKey") ? 1 : 0) + (n.has("basic") ? 1 : 0) + (n.has("oauth") ? 1 : 0);
            if (kinds > 1) throw new IllegalArgumentException(at + ": give at most one of apiKey, basic, oauth");
            Connection.Authorization auth = new Connection.None();
            if (n.has("apiKey")) {
                JsonNode k = object(n.get("apiKey"), at + ".apiKey");
                auth = new Connection.ApiKey(text(k.get("name"), at + ".apiKey.name"), text(k.get("value"), at + ".apiKey.value"));
            } else if (n.has("basic")) {
                JsonNode b = object(n.get("basic"), at + ".basic");
                auth = new Connection.Basic(text(b.get("username"), at + ".basic.username"), text(b.get("password"), at + ".basic.password"));
            } else if (n.has("oauth")) {
                JsonNode o = object(n.get("oauth"), at + ".oauth");
                List<String> scopes = new ArrayList<>();
                JsonNode s = o.get("scopes");
                if (s != null && s.isArray()) for (int i = 0; i < s.size(); i++) scopes.add(text(s.get(i), at + ".oauth.scopes[" + i + "]"));
                else if (s != null && !s.isNull()) scopes.addAll(List.of(text(s, at + ".oauth.scopes").split("[ ,]+")));
                auth = new Connection.OAuth(text(o.get("tokenUrl"), at + ".oauth.tokenUrl"), text(o.get("clientId"), at + ".oauth.clientId"),
                        text(o.get("clientSecret"), at + ".oauth.clientSecret"), scopes);
            }
            return new Connection(auth, strings(n.get("headers"), at + ".headers"), strings(n.get("queryParameters"), at + ".queryParameters"));
        }

        Map<String, Path> stateMachines(JsonNode node) {
            Map<String, Path> out = new LinkedHashMap<>();
            if (node == null || node.isNull()) return out;
            object(node, "stateMachines");
            node.fields().forEachRemaining(e -> out.put(e.getKey(), base.resolve(text(e.getValue(), "stateMachines." + e.getKey()))));
            return out;
        }

        Map<String, PassThrough> services(JsonNode node) {
            Map<String, PassThrough> out = new LinkedHashMap<>();
            if (node == null || node.isNull()) return out;
            object(node, "services");
            node.fields().forEachRemaining(e -> {
                String at = "services." + e.getKey();
                onlyFields(object(e.getValue(), at), at, Set.of("passThrough"));
                JsonNode p = e.getValue().get("passThrough");
                if (p != null && !p.isNull()) out.put(e.getKey(), passThrough(p, at + ".passThrough"));
            });
            return out;
        }

        PassThrough passThrough(JsonNode n, String at) {
            onlyFields(object(n, at), at, PASS_THROUGH_FIELDS);
            URI endpoint = n.hasNonNull("endpoint") ? url(n.get("endpoint"), at + ".endpoint") : null;
            String region = text(n.get("region"), at + ".region");
            String key = optional(n, "accessKeyId", at);
            String secret = optional(n, "secretAccessKey", at);
            String token = optional(n, "sessionToken", at);
            if ((key == null) != (secret == null)) {
                throw new IllegalArgumentException(at + ": give accessKeyId and secretAccessKey together"
                        + " (or neither, for the AWS SDK's default credentials chain)");
            }
            if (token != null && key == null) throw new IllegalArgumentException(at + ".sessionToken: goes with accessKeyId and secretAccessKey");
            return new PassThrough(endpoint, region, key, secret, token);
        }

        URI url(JsonNode n, String at) {
            String s = text(n, at);
            try {
                URI u = new URI(s);
                if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) return u;
            } catch (URISyntaxException e) {
                // reported below, as any other URL that is not one
            }
            throw new IllegalArgumentException(at + ": expected an http(s) URL such as https://sqs.eu-west-1.amazonaws.com, got " + s);
        }

        /** An optional string field: absent, null or (after ${NAME:-} expansion) empty are all none. */
        String optional(JsonNode parent, String field, String at) {
            JsonNode n = parent.get(field);
            if (n == null || n.isNull()) return null;
            String v = scalar(n, at + "." + field);
            return v.isEmpty() ? null : v;
        }

        void onlyFields(JsonNode n, String at, Set<String> known) {
            n.fieldNames().forEachRemaining(name -> {
                if (!known.contains(name)) {
                    throw new IllegalArgumentException(at + "." + name + ": unknown field (expected " + String.join(", ", known.stream().sorted().toList()) + ")");
                }
            });
        }

        Map<String, String> strings(JsonNode n, String at) {
            Map<String, String> out = new LinkedHashMap<>();
            if (n == null || n.isNull()) return out;
            object(n, at);
            n.fields().forEachRemaining(e -> out.put(e.getKey(), scalar(e.getValue(), at + "." + e.getKey())));
            return out;
        }

        JsonNode object(JsonNode n, String at) {
            if (n == null || !n.isObject()) throw new IllegalArgumentException((at.isEmpty() ? "the file" : at) + ": expected a mapping, got " + kind(n));
            return n;
        }

        String text(JsonNode n, String at) {
            if (n == null || !n.isTextual() || n.textValue().isEmpty()) throw new IllegalArgumentException(at + ": expected a non-empty string, got " + kind(n));
            return expand(n.textValue(), at);
        }

        String scalar(JsonNode n, String at) {
            if (n == null || !n.isValueNode() || n.isNull()) throw new IllegalArgumentException(at + ": expected a string, got " + kind(n));
            return expand(n.asText(), at);
        }

        String expand(String s, String at) {
            Matcher m = ENV.matcher(s);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String v = env.apply(m.group(1));
                if (v == null) v = m.group(2);
                if (v == null) throw new IllegalArgumentException(at + ": environment variable " + m.group(1) + " is not set");
                m.appendReplacement(sb, Matcher.quoteReplacement(v));
            }
            return m.appendTail(sb).toString();
        }

        static String kind(JsonNode n) {
            if (n == null || n.isMissingNode()) return "nothing";
            return n.isObject() ? "a mapping" : n.isArray() ? "a list" : Json.write(n);
        }
    }
}
