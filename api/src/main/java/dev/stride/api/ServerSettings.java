package dev.stride.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Server settings from a file ({@code stride server --settings FILE}), YAML or JSON (JSON is YAML):
 * <pre>
 * port: 8083
 * bind: 127.0.0.1              # the address to listen on; 0.0.0.0 for every interface ("host" is the older name)
 * region: us-east-1
 * account: "123456789012"
 * data: ./stride-data          # relative to the settings file's folder
 * durability: PROCESS_CRASH    # or POWER_LOSS
 * accessKeys: {AKID: secret}   # require SigV4 signatures made with these keys
 * virtualTime: false
 * </pre>
 * Every member is optional; an absent one is null here and falls back to the next source. The
 * command line (flag, then environment) overrides the file, the file overrides built-in defaults:
 * {@code file.overriddenBy(commandLine).applyTo(ServerConfig.defaults())}.
 *
 * @param data       the data folder, already resolved against the settings file's folder
 * @param durability PROCESS_CRASH or POWER_LOSS
 */
public record ServerSettings(Integer port, String region, String account, Path data, String durability,
                             Map<String, String> accessKeys, Boolean virtualTime, String host) {
    public static final ServerSettings NONE = new ServerSettings(null, null, null, null, null, null, null, null);
    public static final List<String> DURABILITIES = List.of("PROCESS_CRASH", "POWER_LOSS");
    private static final List<String> MEMBERS = List.of("port", "bind", "host", "region", "account", "data", "durability", "accessKeys",
            "virtualTime");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public ServerSettings {
        if (accessKeys != null) accessKeys = Map.copyOf(accessKeys);
    }

    /**
     * Reads and checks a settings file.
     *
     * @throws IllegalArgumentException naming the file and the offending member when the file is
     *                                  missing, unreadable, not YAML/JSON, or holds a bad value
     */
    public static ServerSettings read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("settings file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("settings file " + file + " cannot be read: " + e.getMessage());
        }
        Path folder = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), folder);
    }

    /** Parses settings text; {@code source} names it in errors, relative {@code data} resolves against {@code folder}. */
    public static ServerSettings parse(String text, String source, Path folder) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new IllegalArgumentException("settings file " + source + " is not valid YAML or JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) return NONE;
        if (!root.isObject()) throw bad(source, null, "must be a mapping of settings (port, region, ...)");
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MEMBERS.contains(name)) throw bad(source, name, "is not a setting; known settings: " + String.join(", ", MEMBERS));
        }
        Integer port = null;
        JsonNode p = value(root, "port");
        if (p != null) {
            if (!p.isIntegralNumber() || !p.canConvertToInt() || p.intValue() < 0 || p.intValue() > 65535) {
                throw bad(source, "port", "must be a whole number from 0 to 65535, got " + p);
            }
            port = p.intValue();
        }
        String bind = text(source, root, "bind");
        String host = text(source, root, "host");
        if (bind != null && host != null && !bind.equals(host)) {
            throw bad(source, "bind", "and its older name host say different addresses ('" + bind + "', '" + host + "'); give one");
        }
        if (bind != null) host = bind;
        if (host != null && !host.matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
            throw bad(source, bind != null ? "bind" : "host", "must be an address to listen on such as 127.0.0.1 or 0.0.0.0, got '" + host + "'");
        }
        String region = text(source, root, "region");
        if (region != null && !region.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw bad(source, "region", "must be an AWS region such as us-east-1, got '" + region + "'");
        }
        JsonNode a = value(root, "account");
        String account = null;
        if (a != null) {
            account = a.isIntegralNumber() ? a.asText() : a.isTextual() ? a.textValue() : null;
            if (account == null || !account.matches("\\d{12}")) {
                throw bad(source, "account", "must be a 12-digit account id (quote it in YAML), got " + a);
            }
        }
        String dataText = text(source, root, "data");
        Path data = null;
        if (dataText != null) {
            if (dataText.isBlank()) throw bad(source, "data", "must be a folder path");
            try {
                data = Path.of(dataText);
            } catch (java.nio.file.InvalidPathException e) {
                throw bad(source, "data", "is not a valid path: " + e.getMessage());
            }
            if (!data.isAbsolute() && folder != null) data = folder.resolve(data).normalize();
        }
        String durability = text(source, root, "durability");
        if (durability != null && !DURABILITIES.contains(durability)) {
            throw bad(source, "durability", "must be one of " + DURABILITIES + ", got '" + durability + "'");
        }
        Map<String, String> keys = null;
        JsonNode k = value(root, "accessKeys");
        if (k != null) {
            if (!k.isObject()) throw bad(source, "accessKeys", "must be a mapping of access key id to secret key");
            keys = new LinkedHashMap<>();
            for (var entries = k.fields(); entries.hasNext(); ) {
                var entry = entries.next();
                if (entry.getKey().isBlank()) throw bad(source, "accessKeys", "has an empty access key id");
                if (!entry.getValue().isTextual() || entry.getValue().textValue().isEmpty()) {
                    throw bad(source, "accessKeys." + entry.getKey(), "must be a non-empty secret key (a string)");
                }
                keys.put(entry.getKey(), entry.getValue().textValue());
            }
        }
        Boolean virtualTime = null;
        JsonNode v = value(root, "virtualTime");
        if (v != null) {
            if (!v.isBoolean()) throw bad(source, "virtualTime", "must be true or false, got " + v);
            virtualTime = v.booleanValue();
        }
        return new ServerSettings(port, region, account, data, durability, keys, virtualTime, host);
    }

    private static JsonNode value(JsonNode root, String member) {
        JsonNode v = root.get(member);
        return v == null || v.isNull() ? null : v;
    }

    private static String text(String source, JsonNode root, String member) {
        JsonNode v = value(root, member);
        if (v == null) return null;
        if (!v.isTextual()) throw bad(source, member, "must be a string, got " + v);
        return v.textValue();
    }

    private static IllegalArgumentException bad(String source, String member, String problem) {
        return new IllegalArgumentException("settings file " + source + ": " + (member == null ? "" : "'" + member + "' ") + problem);
    }

    /** These settings with every member {@code higher} sets taken from it instead. */
    public ServerSettings overriddenBy(ServerSettings higher) {
        return new ServerSettings(
                higher.port != null ? higher.port : port,
                higher.region != null ? higher.region : region,
                higher.account != null ? higher.account : account,
                higher.data != null ? higher.data : data,
                higher.durability != null ? higher.durability : durability,
                higher.accessKeys != null ? higher.accessKeys : accessKeys,
                higher.virtualTime != null ? higher.virtualTime : virtualTime,
                higher.host != null ? higher.host : host);
    }

    /** The config with the members set here applied (data and durability are the store's business, not the config's). */
    public ServerConfig applyTo(ServerConfig config) {
        ServerConfig c = config;
        if (port != null) c = c.withPort(port);
        if (region != null) c = c.withRegion(region);
        if (account != null) c = c.withAccount(account);
        if (accessKeys != null) c = c.withAccessKeys(accessKeys);
        if (virtualTime != null) c = c.withVirtualTime(virtualTime);
        if (host != null) c = c.withHost(host);
        return c;
    }
}
