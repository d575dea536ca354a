package dev.stride.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSettingsTest {
    @TempDir
    Path dir;

    @Test
    void theServerListensOnLoopbackUnlessTold() {
        assertThat(ServerConfig.defaults().host()).isEqualTo("127.0.0.1");
        assertThat(ServerSettings.parse("host: 0.0.0.0", "s.yaml", dir).applyTo(ServerConfig.defaults()).host()).isEqualTo("0.0.0.0");
        assertThat(ServerSettings.parse("bind: 0.0.0.0", "s.yaml", dir).applyTo(ServerConfig.defaults()).host()).isEqualTo("0.0.0.0");
        assertThatThrownBy(() -> ServerSettings.parse("host: 'a b'", "s.yaml", dir))
                .hasMessageContaining("'host' must be an address to listen on");
    }

    @Test
    void aYamlFileSetsEveryMember() throws Exception {
        Path file = Files.writeString(dir.resolve("server.yaml"), """
                port: 9090
                host: 0.0.0.0
                region: eu-west-1
                account: "000000000042"
                data: state/db
                durability: POWER_LOSS
                accessKeys:
                  AKID1: secret1
                  AKID2: secret2
                virtualTime: true
                """);

        ServerSettings s = ServerSettings.read(file);

        assertThat(s.port()).isEqualTo(9090);
        assertThat(s.host()).isEqualTo("0.0.0.0");
        assertThat(s.region()).isEqualTo("eu-west-1");
        assertThat(s.account()).isEqualTo("000000000042");
        assertThat(s.data()).isEqualTo(dir.toAbsolutePath().resolve("state/db"));
        assertThat(s.durability()).isEqualTo("POWER_LOSS");
        assertThat(s.accessKeys()).containsExactlyInAnyOrderEntriesOf(Map.of("AKID1", "secret1", "AKID2", "secret2"));
        assertThat(s.virtualTime()).isTrue();
        ServerConfig c = s.applyTo(ServerConfig.defaults());
        assertThat(c.port()).isEqualTo(9090);
        assertThat(c.region()).isEqualTo("eu-west-1");
        assertThat(c.account()).isEqualTo("000000000042");
        assertThat(c.accessKeys()).hasSize(2);
        assertThat(c.virtualTime()).isTrue();
    }

    @Test
    void aJsonFileWorksAndAbsentMembersStayUnset() throws Exception {
        Path file = Files.writeString(dir.resolve("server.json"), """
                {"port": 8084, "account": 123456789013, "data": "/var/lib/stride"}""");

        ServerSettings s = ServerSettings.read(file);

        assertThat(s.port()).isEqualTo(8084);
        assertThat(s.account()).isEqualTo("123456789013");
        assertThat(s.data()).isEqualTo(Path.of("/var/lib/stride"));
        assertThat(s.region()).isNull();
        assertThat(s.durability()).isNull();
        assertThat(s.accessKeys()).isNull();
        assertThat(s.virtualTime()).isNull();
        ServerConfig c = s.applyTo(ServerConfig.defaults());
        assertThat(c.region()).isEqualTo("us-east-1");
        assertThat(c.accessKeys()).isEmpty();
        assertThat(ServerSettings.parse("", "empty", null)).isEqualTo(ServerSettings.NONE);
    }

    @Test
    void theCommandLineOverridesTheFileAndTheFileOverridesDefaults() {
        ServerSettings file = ServerSettings.parse("port: 9000\nregion: eu-west-1\ndurability: POWER_LOSS\n", "f", null);
        ServerSettings commandLine = new ServerSettings(9100, null, "999999999999", null, null, null, null, null);

        ServerSettings effective = file.overriddenBy(commandLine);
        ServerConfig c = effective.applyTo(ServerConfig.defaults());

        assertThat(c.port()).isEqualTo(9100);
        assertThat(c.region()).isEqualTo("eu-west-1");
        assertThat(c.account()).isEqualTo("999999999999");
        assertThat(effective.durability()).isEqualTo("POWER_LOSS");
        assertThat(ServerSettings.NONE.overriddenBy(ServerSettings.NONE).applyTo(ServerConfig.defaults()))
                .isEqualTo(ServerConfig.defaults());
    }

    @Test
    void badSettingsNameTheMember() throws Exception {
        assertBad("port: eighty", "'port' must be a whole number");
        assertBad("port: 70000", "'port' must be a whole number from 0 to 65535");
        assertBad("region: [a]", "'region' must be a string");
        assertBad("region: US East", "'region' must be an AWS region");
        assertBad("account: 42", "'account' must be a 12-digit account id");
        assertBad("durability: SOMETIMES", "'durability' must be one of [PROCESS_CRASH, POWER_LOSS]");
        assertBad("accessKeys: AKID", "'accessKeys' must be a mapping");
        assertBad("accessKeys: {AKID: 5}", "'accessKeys.AKID' must be a non-empty secret key");
        assertBad("virtualTime: maybe", "'virtualTime' must be true or false");
        assertBad("prot: 8083", "'prot' is not a setting; known settings: port, bind, host, region");
        assertBad("bind: 127.0.0.1\nhost: 0.0.0.0", "'bind' and its older name host say different addresses");
        assertBad("bind: not an address", "'bind' must be an address to listen on");
        assertBad("- port", "must be a mapping of settings");
        assertBad("port: [1,", "is not valid YAML or JSON");
        assertThatThrownBy(() -> ServerSettings.read(dir.resolve("missing.yaml")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
    }

    private void assertBad(String text, String message) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), text);
        assertThatThrownBy(() -> ServerSettings.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("settings file " + file).hasMessageContaining(message);
    }
}
