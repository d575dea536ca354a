package dev.stride.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stride server} listens on loopback (127.0.0.1) unless {@code --bind} says otherwise, and
 * says at start where it listens and who can reach it. 127.0.0.2 stands in for "another address
 * of this machine": a socket bound to 127.0.0.1 does not answer there, one bound to every interface does.
 */
class ServerBindTest {
    @TempDir Path dir;

    @Test
    void byDefaultItListensOnLoopbackOnlyAndSaysSo() throws Exception {
        try (ServerProcess server = ServerProcess.start(dir.resolve("data"), "--in-memory")) {
            assertThat(server.log()).contains("Stride listening on http://127.0.0.1:" + server.port())
                    .contains("loopback only").contains("no access keys");
            assertThat(answers("127.0.0.1", server.port())).isTrue();
            assertThat(answers("127.0.0.2", server.port())).isFalse();
        }
    }

    @Test
    void bindZeroListensOnEveryInterfaceAndSaysSo() throws Exception {
        try (ServerProcess server = ServerProcess.start(dir.resolve("data"), "--in-memory", "--bind", "0.0.0.0")) {
            assertThat(server.log()).contains("Stride listening on http://0.0.0.0:" + server.port())
                    .contains("every interface: other machines can reach it");
            assertThat(answers("127.0.0.2", server.port())).isTrue();
        }
    }

    @Test
    void hostIsStillAcceptedAsTheOlderNameOfBind() throws Exception {
        try (ServerProcess server = ServerProcess.start(dir.resolve("data"), "--in-memory", "--host", "127.0.0.1")) {
            assertThat(server.log()).contains("http://127.0.0.1:" + server.port()).contains("loopback only");
        }
    }

    private static boolean answers(String address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
