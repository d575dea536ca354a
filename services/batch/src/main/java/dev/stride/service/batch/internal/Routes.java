package dev.stride.service.batch.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.service.JsonProtocol;
import dev.stride.service.ServiceException;
import dev.stride.service.ServiceRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Batch's REST-JSON paths: {@code POST /v1/<action in lower case>} with the parameters as the
 * body, and the tag actions on {@code /v1/tags/<resource ARN>} (POST tags, GET lists, DELETE
 * untags with {@code ?tagKeys=}).
 */
public final class Routes {
    public static final String PREFIX = "/v1/";
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("createcomputeenvironment", "CreateComputeEnvironment"), Map.entry("updatecomputeenvironment", "UpdateComputeEnvironment"),
            Map.entry("deletecomputeenvironment", "DeleteComputeEnvironment"), Map.entry("describecomputeenvironments", "DescribeComputeEnvironments"),
            Map.entry("createjobqueue", "CreateJobQueue"), Map.entry("updatejobqueue", "UpdateJobQueue"),
            Map.entry("deletejobqueue", "DeleteJobQueue"), Map.entry("describejobqueues", "DescribeJobQueues"),
            Map.entry("registerjobdefinition", "RegisterJobDefinition"), Map.entry("deregisterjobdefinition", "DeregisterJobDefinition"),
            Map.entry("describejobdefinitions", "DescribeJobDefinitions"), Map.entry("submitjob", "SubmitJob"),
            Map.entry("describejobs", "DescribeJobs"), Map.entry("listjobs", "ListJobs"),
            Map.entry("terminatejob", "TerminateJob"), Map.entry("canceljob", "CancelJob"));

    private Routes() {}

    /** The action and its parameters; {@code into} receives the body's (and the path's) members. */
    public static String action(ServiceRequest r, ObjectNode into) {
        String path = r.path();
        if (!path.startsWith(PREFIX)) throw notFound(r);
        String rest = path.substring(PREFIX.length());
        if (rest.startsWith("tags/")) {
            into.put("resourceArn", URLDecoder.decode(rest.substring(5), StandardCharsets.UTF_8));
            return switch (r.method()) {
                case "POST" -> "TagResource";
                case "GET" -> "ListTagsForResource";
                case "DELETE" -> {
                    var keys = into.putArray("tagKeys");
                    if (r.rawQuery() != null) {
                        for (String pair : r.rawQuery().split("&")) {
                            if (pair.startsWith("tagKeys=")) keys.add(URLDecoder.decode(pair.substring(8), StandardCharsets.UTF_8));
                        }
                    }
                    yield "UntagResource";
                }
                default -> throw notFound(r);
            };
        }
        String action = ACTIONS.get(rest.toLowerCase(Locale.ROOT).replaceAll("/$", ""));
        if (action == null || !r.method().equals("POST")) throw notFound(r);
        return action;
    }

    private static ServiceException notFound(ServiceRequest r) {
        return new ServiceException("UnknownOperationException", "UnknownOperationException", 404, true,
                "No Batch operation at " + r.method() + " " + r.path());
    }

    public static ObjectNode body(ServiceRequest r) {
        return r.body().length == 0 ? JsonProtocol.MAPPER.createObjectNode() : JsonProtocol.params(r);
    }
}
